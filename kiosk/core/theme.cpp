#include "kiosk/core/theme.hpp"

#include <algorithm>
#include <cmath>

namespace homedesk {

static float channel(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

static float luminance(Color c) {
    return 0.2126f * channel(c.r) + 0.7152f * channel(c.g) + 0.0722f * channel(c.b);
}

float contrastRatio(Color a, Color b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

// Red to green, light enough for dark features; each face also has its words, never colour alone.
static void setFaces(ThemeColors& c) {
    c.faces[0] = rgb(0xF28B82);
    c.faces[1] = rgb(0xF6B26B);
    c.faces[2] = rgb(0xFFE066);
    c.faces[3] = rgb(0xB5E08A);
    c.faces[4] = rgb(0x7CCB8A);
    c.faceInk = rgb(0x1B1B1B);
}

static ThemeColors normalColors() {
    ThemeColors c;
    c.background = rgb(0xF3F1EC);
    c.surface = rgb(0xFFFFFF);
    c.text = rgb(0x1B1B1B);
    c.textMuted = rgb(0x4A4A4A);
    c.header = rgb(0x0B3D6B);
    c.headerText = rgb(0xFFFFFF);
    c.button = rgb(0x0B3D6B);
    c.buttonText = rgb(0xFFFFFF);
    c.buttonActive = rgb(0x072A4A);
    c.toggleOn = rgb(0x8A4B08);
    c.toggleOnText = rgb(0xFFFFFF);
    c.banner = rgb(0xA61B1B);
    c.bannerText = rgb(0xFFFFFF);
    c.overlay = {0.05f, 0.05f, 0.05f, 0.80f};
    c.border = rgb(0x6B6B6B);
    c.focus = rgb(0xB35C00);
    // Repair, complaint, survey, notices, track, scan: calm, distinct, white text >= 4.5:1.
    c.tiles[0] = rgb(0x1D5FA8);
    c.tiles[1] = rgb(0x8A3B12);
    c.tiles[2] = rgb(0x2E6B2F);
    c.tiles[3] = rgb(0x6A3D9A);
    c.tiles[4] = rgb(0x0E6670);
    c.tiles[5] = rgb(0x444B55);
    c.tileText = rgb(0xFFFFFF);
    setFaces(c);
    return c;
}

static ThemeColors highContrastColors() {
    ThemeColors c;
    c.background = rgb(0x000000);
    c.surface = rgb(0x000000);
    c.text = rgb(0xFFFFFF);
    c.textMuted = rgb(0xE6E6E6);
    c.header = rgb(0x000000);
    c.headerText = rgb(0xFFFFFF);
    c.button = rgb(0xFFE14D);
    c.buttonText = rgb(0x000000);
    c.buttonActive = rgb(0xFFFFFF);
    c.toggleOn = rgb(0x7FDBFF);
    c.toggleOnText = rgb(0x000000);
    c.banner = rgb(0xFFE14D);
    c.bannerText = rgb(0x000000);
    c.overlay = {0, 0, 0, 0.92f};
    c.border = rgb(0xFFFFFF);
    c.focus = rgb(0xFFE14D);
    for (auto& tile : c.tiles) tile = rgb(0x000000);
    c.tileText = rgb(0xFFFFFF);
    setFaces(c);
    c.faceInk = rgb(0x000000);
    return c;
}

Theme makeTheme(const ThemeOptions& options) {
    Theme t;
    t.options = options;
    const bool large = options.largeText;
    // Sizes in millimetres on the panel, chosen above the floors in ElderRules with room to spare.
    t.bodyPx = std::round(t.mm(large ? 14.0f : 8.0f));
    t.strongPx = std::round(t.mm(large ? 14.0f : 8.5f));
    t.titlePx = std::round(t.mm(large ? 18.0f : 12.0f));
    t.displayPx = std::round(t.mm(large ? 20.0f : 14.0f));
    t.lineSpacing = 1.35f;
    t.minTargetPx = std::ceil(t.mm(large ? ElderRules::kMinTargetLargeMm : ElderRules::kMinTargetMm));
    t.buttonHeight = std::round(t.mm(large ? 26.0f : 18.0f));
    t.tileMinHeight = std::round(t.mm(large ? 60.0f : 50.0f));
    t.gap = std::round(t.mm(large ? 5.0f : 4.0f));
    t.padding = std::round(t.mm(large ? 5.0f : 4.0f));
    t.margin = std::round(t.mm(6.0f));
    t.rounding = std::round(t.mm(3.0f));
    t.borderWidth = options.highContrast ? std::max(2.0f, std::round(t.mm(0.8f))) : 0.0f;
    t.iconPx = std::round(t.mm(large ? 20.0f : 22.0f));
    t.colors = options.highContrast ? highContrastColors() : normalColors();
    return t;
}

std::vector<ContrastPair> contrastPairs(const Theme& t) {
    const auto& c = t.colors;
    std::vector<ContrastPair> pairs = {
        {"text on background", c.text, c.background},
        {"muted text on background", c.textMuted, c.background},
        {"text on surface", c.text, c.surface},
        {"muted text on surface", c.textMuted, c.surface},
        {"header text", c.headerText, c.header},
        {"button text", c.buttonText, c.button},
        {"pressed button text", c.buttonText, c.buttonActive},
        {"toggle on", c.toggleOnText, c.toggleOn},
        {"emergency banner", c.bannerText, c.banner},
    };
    for (const auto& tile : c.tiles) pairs.push_back({"tile text", c.tileText, tile});
    for (const auto& face : c.faces) pairs.push_back({"survey face features", c.faceInk, face});
    return pairs;
}

}  // namespace homedesk
