#include <catch2/catch.hpp>

#include "kiosk/core/theme.hpp"

using namespace homedesk;

namespace {
struct Mode {
    bool large, contrast;
};
constexpr Mode kModes[] = {{false, false}, {true, false}, {false, true}, {true, true}};
}  // namespace

TEST_CASE("every theme mode keeps the elder-friendly sizes", "[core][theme]") {
    for (const Mode m : kModes) {
        for (const float pxPerMm : {3.0f, 4.03f, 6.0f}) {
            const Theme t = makeTheme({m.large, m.contrast, pxPerMm});
            INFO("large=" << m.large << " contrast=" << m.contrast << " px/mm=" << pxPerMm);
            const float minTargetMm = m.large ? ElderRules::kMinTargetLargeMm : ElderRules::kMinTargetMm;
            CHECK(t.minTargetPx >= minTargetMm * pxPerMm);
            CHECK(t.buttonHeight >= t.minTargetPx);
            CHECK(t.tileMinHeight >= t.minTargetPx);
            CHECK(t.gap >= ElderRules::kMinGapMm * pxPerMm);
            CHECK(t.bodyPx >= t.pt(ElderRules::kMinBodyPt) - 0.5f);
            CHECK(t.strongPx >= t.bodyPx);
            CHECK(t.displayPx >= t.pt(ElderRules::kMinLargestPt) - 0.5f);
            CHECK(t.displayPx >= t.titlePx);
            CHECK(t.lineSpacing >= ElderRules::kMinLineSpacing);
            if (m.large) CHECK(t.bodyPx * ElderRules::kCapHeightPerEm >= t.mm(ElderRules::kLargeBodyCapMm) - 0.5f);
        }
    }
}

TEST_CASE("large-text mode is larger in every size", "[core][theme]") {
    const Theme normal = makeTheme({false, false, 4.03f});
    const Theme large = makeTheme({true, false, 4.03f});
    CHECK(large.bodyPx > normal.bodyPx);
    CHECK(large.titlePx > normal.titlePx);
    CHECK(large.displayPx > normal.displayPx);
    CHECK(large.buttonHeight > normal.buttonHeight);
    CHECK(large.minTargetPx > normal.minTargetPx);
}

TEST_CASE("sizes scale with the panel's pixel density", "[core][theme]") {
    const Theme a = makeTheme({false, false, 4.0f});
    const Theme b = makeTheme({false, false, 8.0f});
    CHECK(b.bodyPx == Approx(a.bodyPx * 2).margin(1));
    CHECK(b.buttonHeight == Approx(a.buttonHeight * 2).margin(1));
    CHECK(b.minTargetPx == Approx(a.minTargetPx * 2).margin(1));
}

TEST_CASE("every text colour meets its contrast floor", "[core][theme]") {
    for (const Mode m : kModes) {
        const Theme t = makeTheme({m.large, m.contrast, 4.03f});
        const float floor = m.contrast ? ElderRules::kMinContrastHigh : ElderRules::kMinContrast;
        for (const auto& pair : contrastPairs(t)) {
            INFO(pair.name << " contrast=" << m.contrast);
            CHECK(contrastRatio(pair.foreground, pair.background) >= floor);
        }
    }
}

TEST_CASE("contrast ratio matches WCAG's reference values", "[core][theme]") {
    CHECK(contrastRatio(rgb(0x000000), rgb(0xFFFFFF)) == Approx(21.0f).epsilon(0.001));
    CHECK(contrastRatio(rgb(0xFFFFFF), rgb(0xFFFFFF)) == Approx(1.0f));
    CHECK(contrastRatio(rgb(0x767676), rgb(0xFFFFFF)) == Approx(4.54f).epsilon(0.01));
}
