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
    const bool wide = content.w > content.h * 1.2f;
    float y = content.y;
    // The title, and the state in one line on a panel with the status colour as its edge:
    // side by side on a wide screen, one above the other on a tall one.
    const std::string title = ui.t("sync.title");
    const float titleW = wide ? std::min(content.w * 0.45f, textWidth(ui, FontRole::Display, title) + th.gap * 2) : content.w;
    const float titleH = drawParagraph(ui, FontRole::Display, title, {content.x, y, titleW, 0}, th.colors.text);
    const std::string state = syncStatusText(ui, view.sync);
    const Rect stateBox = wide ? Rect{content.x + titleW, y, content.w - titleW, 0} : Rect{content.x, y + titleH + th.gap, content.w, 0};
    const float stateH = paragraphHeight(ui, FontRole::Title, state, stateBox.w - 2 * th.padding) + th.padding;
    panel(ui, {stateBox.x, stateBox.y, stateBox.w, stateH}, th.colors.surface);
    panel(ui, {stateBox.x, stateBox.y, th.mm(2.5f), stateH}, syncLightColor(ui, syncLight(view.sync)));
    drawParagraph(ui, FontRole::Title, state, {stateBox.x + th.padding, stateBox.y + th.padding / 2, stateBox.w - 2 * th.padding, 0},
                  th.colors.text);
    y = std::max(y + titleH, stateBox.y + stateH) + th.gap;

    // Tall screens: label above value, one column. Wide ones: two columns, label beside value.
    // The values take the largest type that fits; the closing note shows when there is room.
    const auto list = rows(ui, view);
    const int columns = wide ? 2 : 1;
    const float columnW = (content.w - th.gap * 2 * (columns - 1)) / columns;
    const float labelW = wide ? columnW * 0.42f : 0;
    const float valueW = columnW - labelW;
    const size_t perColumn = (list.size() + columns - 1) / columns;
    const auto rowHeight = [&](const Row& r, FontRole role) {
        const float value = paragraphHeight(ui, role, r.value, valueW) +
                            (r.detail.empty() ? 0 : paragraphHeight(ui, FontRole::Body, r.detail, valueW));
        const float label = paragraphHeight(ui, FontRole::Body, r.label, wide ? labelW - th.gap : columnW);
        return (wide ? std::max(label, value) : label + value) + th.gap / 2;
    };
    const auto height = [&](FontRole role) {
        float tallest = 0;
        for (int c = 0; c < columns; ++c) {
            float h = 0;
            for (size_t i = c * perColumn; i < std::min(list.size(), (c + 1) * perColumn); ++i) h += rowHeight(list[i], role);
            tallest = std::max(tallest, h);
        }
        return tallest;
    };
    const float room = content.bottom() - y;
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (height(role) > room) role = smaller;
    for (int c = 0; c < columns; ++c) {
        const float x = content.x + c * (columnW + th.gap * 2);
        float cy = y;
        for (size_t i = c * perColumn; i < std::min(list.size(), (c + 1) * perColumn); ++i) {
            const Row& r = list[i];
            const float h = rowHeight(r, role);
            // Beside the value, the label sits on the value's first line.
            const float labelY = wide ? cy + std::max(0.0f, (lineHeight(ui, role) - lineHeight(ui, FontRole::Body)) / 2) : cy;
            const float labelH = drawParagraph(ui, FontRole::Body, r.label, {x, labelY, wide ? labelW - th.gap : columnW, 0},
                                               th.colors.textMuted);
            float vy = wide ? cy : cy + labelH;
            const float vx = x + labelW;
            vy += drawParagraph(ui, role, r.value, {vx, vy, valueW, 0}, th.colors.text);
            if (!r.detail.empty()) drawParagraph(ui, FontRole::Body, r.detail, {vx, vy, valueW, 0}, th.colors.textMuted);
            cy += h;
        }
    }
    y += height(role) + th.gap / 2;
    if (paragraphHeight(ui, FontRole::Body, ui.t("sync.note"), content.w) <= content.bottom() - y)
        drawParagraph(ui, FontRole::Body, ui.t("sync.note"), {content.x, y, content.w, 0}, th.colors.textMuted);
}

}  // namespace homedesk::ui
