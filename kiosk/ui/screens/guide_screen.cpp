#include "kiosk/ui/screens/guide_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

namespace {
using Rows = std::vector<std::pair<std::string, std::string>>;

Rows rowsOf(const KioskView& view, int section) {
    const Language lang = view.state.settings.language;
    Rows rows;
    if (!view.state.directory) return rows;
    const Directory& d = *view.state.directory;
    const auto add = [&](const std::vector<GuideRow>& list) {
        for (const auto& r : list) rows.emplace_back(r.what.in(lang), r.detail.in(lang));
    };
    switch (section) {
        case 0:
            for (const auto& s : d.stewards) {
                const Building* b = d.building(s.buildingId);
                rows.emplace_back(b ? b->name.in(lang) : s.buildingId, s.name.in(lang) + "  " + s.phone);
            }
            break;
        case 1: add(d.serviceHours); break;
        case 2: add(d.fees); break;
        case 3: add(d.promises); break;
        default: add(d.emergencyNumbers); break;
    }
    return rows;
}
}  // namespace

std::string GuideScreen::summary(const Ui& ui, const KioskView& view) const {
    const int section = std::clamp(view.state.guideSection, 0, 4);
    std::string text = ui.t("guide.title") + ui.t("speech.pause") + ui.t(std::string("guide.section.") + kGuideSections[section]);
    for (const auto& [what, detail] : rowsOf(view, section)) text += ui.t("speech.pause") + what + " " + detail;
    return text;
}

void GuideScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    const int section = std::clamp(view.state.guideSection, 0, 4);
    const bool wide = content.w > content.h * 1.5f;
    float y = content.y;
    // On a short, wide screen the chips name the sections well enough: the heading gives way.
    if (!wide || content.h > th.buttonHeight * 6)
        y += drawParagraph(ui, FontRole::Display, ui.t("guide.title"), {content.x, y, content.w, 0}, th.colors.text) + th.gap / 2;

    // Section chips in as many columns as the labels allow.
    int cols = 5;
    const auto fits = [&](int c) {
        const float w = (content.w - th.gap * (c - 1)) / c;
        for (const char* s : kGuideSections)
            if (textWidth(ui, FontRole::Strong, ui.t(std::string("guide.section.") + s)) + 2 * th.padding > w) return false;
        return true;
    };
    while (cols > 2 && !fits(cols)) --cols;
    const float chipW = (content.w - th.gap * (cols - 1)) / cols;
    for (int i = 0; i < 5; ++i) {
        const Rect r{content.x + (i % cols) * (chipW + th.gap), y + (i / cols) * (th.buttonHeight + th.gap), chipW, th.buttonHeight};
        if (button(ui, std::string("guide.section.") + kGuideSections[i], ui.t(std::string("guide.section.") + kGuideSections[i]), r,
                   i == section ? ButtonStyle::On : ButtonStyle::Secondary))
            ui.emit(intent::GuideSection{i});
    }
    y += ((5 + cols - 1) / cols) * (th.buttonHeight + th.gap) + th.gap / 2;

    // The table: what on the left, the detail (time, price, phone) on the right; two tables side
    // by side on a wide screen; the largest type that fits.
    const Rows rows = rowsOf(view, section);
    const int columns = wide ? 2 : 1;
    const size_t perColumn = (rows.size() + columns - 1) / columns;
    const float colW = (content.w - th.gap * 2 * (columns - 1)) / columns;
    const float leftW = colW * 0.42f;
    const float rightW = colW - leftW - th.gap;
    const auto rowHeight = [&](FontRole r, size_t i) {
        return std::max(paragraphHeight(ui, r, rows[i].first, leftW - th.padding), paragraphHeight(ui, r, rows[i].second, rightW - th.padding));
    };
    const auto height = [&](FontRole r) {
        float tallest = 0;
        for (int c = 0; c < columns; ++c) {
            float h = 0;
            for (size_t i = c * perColumn; i < std::min(rows.size(), (c + 1) * perColumn); ++i) h += rowHeight(r, i) + th.gap;
            tallest = std::max(tallest, h);
        }
        return tallest;
    };
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (height(role) > content.bottom() - y) role = smaller;
    // Whatever still does not fit is cut at the content's edge, never drawn over Back and Home.
    ImGui::PushClipRect(ImVec2(content.x, content.y), ImVec2(content.right(), content.bottom()), true);
    const float top = y;
    float bottom = y;
    for (size_t i = 0; i < rows.size(); ++i) {
        const int c = static_cast<int>(i / perColumn);
        if (i % perColumn == 0) y = top;
        const float x = content.x + c * (colW + th.gap * 2);
        const float h = rowHeight(role, i);
        if (i % 2 == 0) panel(ui, {x, y - th.gap / 2, colW, h + th.gap}, th.colors.surface);
        drawParagraph(ui, role, rows[i].first, {x + th.padding / 2, y, leftW - th.padding, 0}, th.colors.textMuted);
        drawParagraph(ui, role, rows[i].second, {x + leftW + th.gap, y, rightW - th.padding, 0}, th.colors.text);
        y += h + th.gap;
        bottom = std::max(bottom, y);
    }
    if (section == 0)
        drawParagraph(ui, FontRole::Body, format(ui.t("guide.stewards.note"), {{"phone", view.site.serviceLine}}),
                      {content.x, bottom + th.gap / 2, content.w, 0}, th.colors.textMuted);
    ImGui::PopClipRect();
}

}  // namespace homedesk::ui
