#include "kiosk/ui/screens/sync_screen.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "kiosk/core/datetime.hpp"
#include "kiosk/ui/sync_words.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

namespace {

struct Row {
    std::string label;
    std::string value;
    std::string detail;  // smaller, muted (the technical words of an error)
};

std::vector<Row> rows(const Ui& ui, const KioskView& view) {
    const SyncSnapshot& s = view.sync;
    const Language lang = view.state.settings.language;
    std::vector<Row> out;
    out.push_back({ui.t("sync.row.queued"),
                   s.queued == 0 ? ui.t("sync.none") : format(ui.t("sync.count"), {{"count", std::to_string(s.queued)}}), ""});
    out.push_back({ui.t("sync.row.oldest"),
                   s.oldestQueuedAt && s.queued > 0
                       ? format(ui.t("sync.waited"), {{"time", waitedFor(ui, std::max<std::int64_t>(0, view.now - *s.oldestQueuedAt))}})
                       : ui.t("sync.none"),
                   ""});
    out.push_back({ui.t("sync.row.last_success"),
                   s.lastSuccess ? formatMoment(*s.lastSuccess, view.now, lang) : ui.t("sync.never"), ""});
    out.push_back({ui.t("sync.row.last_error"), s.lastErrorKey.empty() ? ui.t("sync.none") : ui.t(s.lastErrorKey),
                   s.lastErrorDetail});
    out.push_back({ui.t("sync.row.hq"), s.hqUrl.empty() ? ui.t("sync.hq.none") : s.hqUrl, ""});
    out.push_back({ui.t("sync.row.terminal"), s.terminalId.empty() ? ui.t("sync.terminal.none") : s.terminalId, ""});
    return out;
}

}  // namespace

std::string SyncScreen::summary(const Ui& ui, const KioskView& view) const {
    std::string text = ui.t("sync.title") + ui.t("speech.pause") + syncStatusText(ui, view.sync);
    if (!view.sync.lastErrorKey.empty()) text += ui.t("speech.pause") + ui.t(view.sync.lastErrorKey);
    return text;
}

void SyncScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, ui.t("sync.title"), {content.x, y, content.w, 0}, th.colors.text);
    y += th.gap;
    // The state in one line, on a panel with the status colour as its edge.
    const std::string state = syncStatusText(ui, view.sync);
    const float stateH = paragraphHeight(ui, FontRole::Title, state, content.w - 2 * th.padding) + th.padding;
    panel(ui, {content.x, y, content.w, stateH}, th.colors.surface);
    panel(ui, {content.x, y, th.mm(2.5f), stateH}, syncLightColor(ui, syncLight(view.sync)));
    drawParagraph(ui, FontRole::Title, state, {content.x + th.padding, y + th.padding / 2, content.w - 2 * th.padding, 0},
                  th.colors.text);
    y += stateH + th.gap;

    // Label above value in portrait; beside it when the screen is wide.
    const bool beside = content.w > content.h * 1.2f;
    const float labelW = beside ? content.w * 0.28f : content.w;
    const float valueX = beside ? content.x + labelW + th.gap : content.x;
    const float valueW = beside ? content.right() - valueX : content.w;
    const auto list = rows(ui, view);
    const auto height = [&](FontRole role) {
        float h = 0;
        for (const auto& r : list) {
            const float value = paragraphHeight(ui, role, r.value, valueW) +
                                (r.detail.empty() ? 0 : paragraphHeight(ui, FontRole::Body, r.detail, valueW));
            h += beside ? std::max(lineHeight(ui, FontRole::Body), value) : lineHeight(ui, FontRole::Body) + value;
            h += th.gap / 2;
        }
        return h + paragraphHeight(ui, FontRole::Body, ui.t("sync.note"), content.w) + th.gap;
    };
    FontRole role = FontRole::Title;
    if (height(role) > content.bottom() - y) role = FontRole::Strong;
    if (height(role) > content.bottom() - y) role = FontRole::Body;
    for (const auto& r : list) {
        drawText(ui, FontRole::Body, r.label, content.x, y, th.colors.textMuted);
        float vy = beside ? y : y + lineHeight(ui, FontRole::Body);
        vy += drawParagraph(ui, role, r.value, {valueX, vy, valueW, 0}, th.colors.text);
        if (!r.detail.empty())
            vy += drawParagraph(ui, FontRole::Body, r.detail, {valueX, vy, valueW, 0}, th.colors.textMuted);
        y = std::max(vy, y + lineHeight(ui, FontRole::Body)) + th.gap / 2;
    }
    y += th.gap / 2;
    drawParagraph(ui, FontRole::Body, ui.t("sync.note"), {content.x, y, content.w, 0}, th.colors.textMuted);
}

}  // namespace homedesk::ui
