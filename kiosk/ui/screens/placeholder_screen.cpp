#include "kiosk/ui/screens/placeholder_screen.hpp"

#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

const char* screenTitleKey(ScreenId id) {
    switch (id) {
        case ScreenId::Home: return "app.name";
        case ScreenId::Repair: return "home.tile.repair";
        case ScreenId::Complaint: return "home.tile.complaint";
        case ScreenId::Survey: return "home.tile.survey";
        case ScreenId::Notices: return "home.tile.notices";
        case ScreenId::Track: return "home.tile.track";
        case ScreenId::Scan: return "home.tile.scan";
        case ScreenId::Enroll: return "enroll.title";
        case ScreenId::Sync: return "sync.title";
        case ScreenId::Guide: return "guide.title";
    }
    return "app.name";
}

std::string PlaceholderScreen::summary(const Ui& ui, const KioskView& view) const {
    return ui.t(screenTitleKey(view.state.screen())) + ui.t("speech.pause") + ui.t("placeholder.body") + " " +
           format(ui.t("placeholder.help"), {{"phone", view.site.serviceLine}});
}

void PlaceholderScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, ui.t(screenTitleKey(view.state.screen())),
                       {content.x, y, content.w, 0}, th.colors.text);
    y += th.gap * 2;
    y += drawParagraph(ui, FontRole::Title, ui.t("placeholder.body"), {content.x, y, content.w, 0},
                       th.colors.text);
    y += th.gap;
    drawParagraph(ui, FontRole::Body,
                  format(ui.t("placeholder.help"), {{"phone", view.site.serviceLine}}),
                  {content.x, y, content.w, 0}, th.colors.textMuted);
}

}  // namespace homedesk::ui
