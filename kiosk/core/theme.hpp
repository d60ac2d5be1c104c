// Every size and colour the screens use, in one struct, derived from the panel's pixel density
// and the mode: normal or large text, normal or high contrast. Screens never use literal pixels.
#pragma once

#include <string_view>
#include <vector>

namespace homedesk {

struct Color {
    float r = 0, g = 0, b = 0, a = 1;
};

// From "#RRGGBB"; components in 0..1.
constexpr Color rgb(unsigned hex) {
    return {((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, 1};
}

// WCAG 2.x contrast ratio between two opaque colours, 1..21.
float contrastRatio(Color a, Color b);

struct ThemeOptions {
    bool largeText = false;
    bool highContrast = false;
    float pxPerMm = 4.03f;  // a 21.5-inch 1080p panel: 0.248 mm pixel pitch
};

// The elder-friendly floors from product.md, in millimetres on the panel.
struct ElderRules {
    static constexpr float kMinTargetMm = 10.0f;       // 60 dp
    static constexpr float kMinTargetLargeMm = 15.0f;  // large-text mode
    static constexpr float kMinGapMm = 2.0f;           // between targets
    static constexpr float kMinBodyPt = 18.0f;         // body text
    static constexpr float kMinLargestPt = 30.0f;      // the largest text on a screen
    static constexpr float kLargeBodyCapMm = 10.0f;    // cap height of body text, large mode
    static constexpr float kMinLineSpacing = 1.3f;
    static constexpr float kMinContrast = 4.5f;
    static constexpr float kMinContrastHigh = 7.0f;
    static constexpr float kCapHeightPerEm = 0.73f;  // Noto Sans CJK SC's cap height
};

struct ThemeColors {
    Color background, surface, text, textMuted;
    Color header, headerText;
    Color button, buttonText, buttonActive;
    Color toggleOn, toggleOnText;
    Color banner, bannerText;
    Color overlay;  // behind the "still there?" prompt
    Color border, focus;
    Color tiles[6];
    Color tileText;
    Color faces[5];  // survey faces, score 1 (very dissatisfied) .. 5 (very satisfied)
    Color faceInk;   // eyes, mouth and outline on a face
};

struct Theme {
    ThemeOptions options;

    // Font sizes in pixels (the em size the atlas is built at).
    float bodyPx = 0;     // body text
    float strongPx = 0;   // button labels
    float titlePx = 0;    // screen titles
    float displayPx = 0;  // tile labels, the clock: the largest text

    float lineSpacing = 0;  // multiple of the font size
    float minTargetPx = 0;  // the floor every tappable widget must meet
    float buttonHeight = 0;
    float tileMinHeight = 0;
    float gap = 0;      // between tappable widgets
    float padding = 0;  // inside panels and buttons
    float margin = 0;   // screen edge
    float rounding = 0;
    float borderWidth = 0;
    float iconPx = 0;

    ThemeColors colors;

    float mm(float millimetres) const { return millimetres * options.pxPerMm; }
    float pt(float points) const { return mm(points * 25.4f / 72.0f); }
};

Theme makeTheme(const ThemeOptions& options);

struct ContrastPair {
    std::string_view name;
    Color foreground, background;
};
// Every text-on-surface combination the screens draw, for the contrast checks.
std::vector<ContrastPair> contrastPairs(const Theme& theme);

}  // namespace homedesk
