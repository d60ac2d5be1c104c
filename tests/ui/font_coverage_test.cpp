// Every character of every catalog string, in both languages, is in the shipped font subset.
#include <catch2/catch.hpp>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/utf8.hpp"
#include "kiosk/ui/font_atlas.hpp"

using namespace homedesk;

TEST_CASE("the font subset has a glyph for every catalog character", "[ui][fonts]") {
    auto translations = Translations::load(HOMEDESK_SOURCE_DIR "/assets/i18n");
    REQUIRE(translations.ok());
    for (const char* weight : {"Regular", "Bold"}) {
        auto font = ui::FontFile::open(std::string(HOMEDESK_ASSETS_DIR "/fonts/HomeDeskSans-") + weight + ".otf");
        REQUIRE(font.ok());
        for (Language lang : kLanguages) {
            for (const auto& [key, text] : translations->catalog(lang).entries()) {
                for (char32_t cp : utf8::decode(text)) {
                    INFO(weight << " " << key << " U+" << std::hex << unsigned(cp));
                    CHECK(font.value()->hasGlyph(cp));
                }
            }
        }
    }
}

TEST_CASE("the subset covers GB 2312's hanzi, Latin and the fallback glyph", "[ui][fonts]") {
    auto font = ui::FontFile::open(HOMEDESK_ASSETS_DIR "/fonts/HomeDeskSans-Regular.otf");
    REQUIRE(font.ok());
    for (char32_t cp : {U'啊', U'齄', U'堃', U'A', U'é', U'，', U'￥', ui::kFallbackGlyph}) {
        INFO("U+" << std::hex << unsigned(cp));
        CHECK(font.value()->hasGlyph(cp));
    }
    CHECK_FALSE(font.value()->hasGlyph(0x1F600));  // emoji are not in it: they draw as the fallback
}

TEST_CASE("a missing font file is a clear start-up error", "[ui][fonts]") {
    auto font = ui::FontFile::open("/nonexistent.otf");
    REQUIRE_FALSE(font.ok());
    CHECK_THAT(font.error().message, Catch::Contains("cannot open font"));
}
