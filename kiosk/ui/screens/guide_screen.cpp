#include "kiosk/ui/screens/guide_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

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
    float y = content.y;
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

    // The table: what on the left, the detail (time, price, phone) on the right, large type if it fits.
    const Rows rows = rowsOf(view, section);
    const float leftW = content.w * 0.42f;
    const float rightW = content.w - leftW - th.gap;
    FontRole role = FontRole::Title;
    const auto height = [&](FontRole r) {
        float h = 0;
        for (const auto& [what, detail] : rows)
            h += std::max(paragraphHeight(ui, r, what, leftW - th.padding), paragraphHeight(ui, r, detail, rightW - th.padding)) + th.gap;
        return h;
    };
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (height(role) > content.bottom() - y) role = smaller;
    for (size_t i = 0; i < rows.size(); ++i) {
        const float h = std::max(paragraphHeight(ui, role, rows[i].first, leftW - th.padding),
                                 paragraphHeight(ui, role, rows[i].second, rightW - th.padding));
        if (i % 2 == 0) panel(ui, {content.x, y - th.gap / 2, content.w, h + th.gap}, th.colors.surface);
        drawParagraph(ui, role, rows[i].first, {content.x + th.padding / 2, y, leftW - th.padding, 0}, th.colors.textMuted);
        drawParagraph(ui, role, rows[i].second, {content.x + leftW + th.gap, y, rightW - th.padding, 0}, th.colors.text);
        y += h + th.gap;
    }
    if (section == 0)
        drawParagraph(ui, FontRole::Body, format(ui.t("guide.stewards.note"), {{"phone", view.site.serviceLine}}),
                      {content.x, y + th.gap / 2, content.w, 0}, th.colors.textMuted);
}

}  // namespace homedesk::ui
