#include <catch2/catch.hpp>

#include "kiosk/core/glyph_set.hpp"

using namespace homedesk;

TEST_CASE("the glyph set reports only new characters", "[core][glyphs]") {
    GlyphSet s;
    CHECK(s.add("报修报修"));
    CHECK(s.size() == 2);
    CHECK_FALSE(s.add("修报"));
    CHECK(s.add("报修进度"));
    CHECK(s.contains(U'进'));
    CHECK_FALSE(s.contains(U'查'));
}

TEST_CASE("control characters are never glyphs, beyond the BMP becomes U+FFFD", "[core][glyphs]") {
    GlyphSet s;
    CHECK_FALSE(s.add("\n\t"));
    CHECK(s.size() == 0);
    CHECK(s.add("😀"));
    CHECK(s.contains(0xFFFD));
    CHECK_FALSE(s.contains(0x1F600));
}

TEST_CASE("ranges are ImGui's inclusive pairs, ascending, zero-terminated", "[core][glyphs]") {
    GlyphSet s;
    s.add("abcx");
    s.add(U'报');
    CHECK(s.ranges() == std::vector<uint16_t>{'a', 'c', 'x', 'x', 0x62A5, 0x62A5, 0});
    s.clear();
    CHECK(s.ranges() == std::vector<uint16_t>{0});
}
