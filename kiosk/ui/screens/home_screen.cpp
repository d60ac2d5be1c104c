#include "kiosk/ui/screens/home_screen.hpp"

#include <algorithm>
#include <string>

#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

namespace {
struct TileSpec {
    ScreenId screen;
    const char* key;
    Icon icon;
};
constexpr TileSpec kTiles[] = {
    {ScreenId::Repair, "home.tile.repair", Icon::Repair},
    {ScreenId::Complaint, "home.tile.complaint", Icon::Complaint},
    {ScreenId::Survey, "home.tile.survey", Icon::Survey},
    {ScreenId::Notices, "home.tile.notices", Icon::Notices},
    {ScreenId::Track, "home.tile.track", Icon::Track},
    {ScreenId::Scan, "home.tile.scan", Icon::Scan},
};
}  // namespace

std::string HomeScreen::summary(const Ui& ui, const KioskView&) const {
    std::string text = ui.t("home.greeting");
    for (const auto& spec : kTiles) text += " " + ui.t(spec.key) + ui.t("speech.pause");
    return text;
}

void HomeScreen::drawContent(const Ui& ui, const KioskView&, Rect content) const {
    const auto& th = ui.theme;
    const float greetingH =
        drawParagraph(ui, FontRole::Title, ui.t("home.greeting"), content, th.colors.text);

    // Three columns only on a clearly wide area: the emergency banner and the guide button can
    // make a portrait screen's content area almost square.
    const bool landscape = content.w > content.h * 1.3f;
    const int cols = landscape ? 3 : 2;
    const int rows = 6 / cols;
    const float top = content.y + greetingH + th.gap;
    const float tileW = (content.w - th.gap * (cols - 1)) / cols;
    // The service guide: a wide button under the six tiles.
    const float guideH = std::max(th.buttonHeight, th.minTargetPx);
    const float tileH = (content.bottom() - top - guideH - th.gap * rows) / rows;
    if (button(ui, "home.guide", ui.t("home.guide"), {content.x, content.bottom() - guideH, content.w, guideH}, ButtonStyle::Secondary))
        ui.emit(intent::Open{ScreenId::Guide});

    const auto rectOf = [&](int i) {
        return Rect{content.x + (i % cols) * (tileW + th.gap), top + (i / cols) * (tileH + th.gap),
                    tileW, tileH};
    };
    // One title size for all six: the largest every title fits in.
    FontRole titleRole = FontRole::Display;
    for (int i = 0; i < 6; ++i) {
        const FontRole fits = tileTitleRole(ui, ui.t(kTiles[i].key), rectOf(i));
        if (fontSize(ui, fits) < fontSize(ui, titleRole)) titleRole = fits;
    }
    for (int i = 0; i < 6; ++i) {
        const auto& spec = kTiles[i];
        const std::string key = spec.key;
        if (tile(ui, key, ui.t(key), ui.t(key + ".hint"), spec.icon, th.colors.tiles[i], rectOf(i),
                 titleRole))
            ui.emit(intent::Open{spec.screen});
    }
}

}  // namespace homedesk::ui
