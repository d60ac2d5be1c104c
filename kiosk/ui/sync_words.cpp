#include "kiosk/ui/sync_words.hpp"

namespace homedesk::ui {

std::string syncStatusText(const Ui& ui, const SyncSnapshot& s) {
    const SyncLight light = syncLight(s);
    const std::string count = std::to_string(s.queued);
    if (light == SyncLight::Offline && s.queued > 0) return format(ui.t("sync.light.offline_queued"), {{"count", count}});
    return format(ui.t(syncLightKey(light)), {{"count", count}});
}

std::string waitedFor(const Ui& ui, std::int64_t seconds) {
    if (seconds < 60) return ui.t("sync.age.now");
    if (seconds < 3600) return format(ui.t("sync.age.minutes"), {{"n", std::to_string(seconds / 60)}});
    if (seconds < 2 * 86400) return format(ui.t("sync.age.hours"), {{"n", std::to_string(seconds / 3600)}});
    return format(ui.t("sync.age.days"), {{"n", std::to_string(seconds / 86400)}});
}

Color syncLightColor(const Ui& ui, SyncLight light) {
    switch (light) {
        case SyncLight::Synced: return rgb(0x2E7D32);
        case SyncLight::Sending:
        case SyncLight::Connecting: return rgb(0x1565C0);
        case SyncLight::Offline:
        case SyncLight::NotEnrolled: return rgb(0xB26A00);
        case SyncLight::Attention: return rgb(0xC62828);
        case SyncLight::NotConfigured: break;
    }
    return ui.theme.colors.textMuted;
}

}  // namespace homedesk::ui
