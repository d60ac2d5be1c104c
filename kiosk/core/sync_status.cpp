#include "kiosk/core/sync_status.hpp"

namespace homedesk {

SyncLight syncLight(const SyncSnapshot& s) {
    if (!s.configured) return SyncLight::NotConfigured;
    if (!s.enrolled) return SyncLight::NotEnrolled;
    if (s.needsAttention) return SyncLight::Attention;
    if (s.failing) return SyncLight::Offline;
    if (!s.contacted) return SyncLight::Connecting;
    return s.queued > 0 ? SyncLight::Sending : SyncLight::Synced;
}

std::string_view syncLightName(SyncLight light) {
    switch (light) {
        case SyncLight::NotConfigured: return "not_configured";
        case SyncLight::NotEnrolled: return "not_enrolled";
        case SyncLight::Connecting: return "connecting";
        case SyncLight::Synced: return "synced";
        case SyncLight::Sending: return "sending";
        case SyncLight::Offline: return "offline";
        case SyncLight::Attention: return "attention";
    }
    return "unknown";
}

std::string_view syncLightKey(SyncLight light) {
    switch (light) {
        case SyncLight::NotConfigured: return "sync.not_configured";
        case SyncLight::NotEnrolled: return "sync.light.not_enrolled";
        case SyncLight::Connecting: return "sync.light.connecting";
        case SyncLight::Synced: return "sync.light.synced";
        case SyncLight::Sending: return "sync.light.sending";
        case SyncLight::Offline: return "sync.light.offline";
        case SyncLight::Attention: return "sync.light.attention";
    }
    return "sync.not_configured";
}

}  // namespace homedesk
