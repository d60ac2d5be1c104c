#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/utf8.hpp"

using namespace homedesk;

namespace {
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}
Translations shipped() {
    auto t = Translations::load(HOMEDESK_SOURCE_DIR "/assets/i18n");
    REQUIRE(t.ok());
    return t.value();
}
}  // namespace

TEST_CASE("the shipped catalogs have the same keys in both languages", "[core][i18n]") {
    const Translations t = shipped();
    const auto zh = t.catalog(Language::Chinese).keys();
    const auto en = t.catalog(Language::English).keys();
    CHECK(zh == en);
    CHECK(zh.size() > 20);
}

TEST_CASE("each text uses the same placeholders in both languages", "[core][i18n]") {
    const Translations t = shipped();
    for (const auto& [key, zhText] : t.catalog(Language::Chinese).entries()) {
        INFO(key);
        CHECK(placeholders(zhText) == placeholders(t.catalog(Language::English).text(key)));
    }
}

TEST_CASE("the Chinese catalog is Chinese and the English one is not", "[core][i18n]") {
    const Translations t = shipped();
    const auto hasHan = [](const std::string& s) {
        for (char32_t cp : utf8::decode(s))
            if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
        return false;
    };
    CHECK(hasHan(t.catalog(Language::Chinese).text("home.tile.repair")));
    CHECK_FALSE(hasHan(t.catalog(Language::English).text("home.tile.repair")));
    // The language button names the other language in that language.
    CHECK(t.catalog(Language::Chinese).text("footer.language") == "English");
    CHECK(t.catalog(Language::English).text("footer.language") == "中文");
}

TEST_CASE("a missing key shows itself, never a blank", "[core][i18n]") {
    auto c = Catalog::parse(R"({"a": "A"})", "test");
    REQUIRE(c.ok());
    CHECK(c->text("a") == "A");
    CHECK(c->text("no.such.key") == "no.such.key");
    CHECK_FALSE(c->has("no.such.key"));
}

TEST_CASE("bad catalogs are refused with the reason", "[core][i18n]") {
    CHECK_THAT(Catalog::parse("{", "x").error().message, Catch::Contains("not valid JSON"));
    CHECK_THAT(Catalog::parse("[1]", "x").error().message, Catch::Contains("object"));
    CHECK_THAT(Catalog::parse(R"({"a": 1})", "x").error().message, Catch::Contains("\"a\" is not a string"));
    CHECK_THAT(Catalog::parse(R"({"a": ""})", "x").error().message, Catch::Contains("empty"));
    CHECK_FALSE(Catalog::parse("{\"a\": \"\xff\"}", "x").ok());
    CHECK(Translations::load("/nonexistent").error().kind == Error::Kind::Io);
}

TEST_CASE("format fills named placeholders and leaves unknown ones", "[core][i18n]") {
    CHECK(format("{n} 秒后返回", {{"n", "20"}}) == "20 秒后返回");
    CHECK(format("{a}-{b}-{a}", {{"a", "1"}, {"b", "2"}}) == "1-2-1");
    CHECK(format("{unknown} stays", {{"a", "1"}}) == "{unknown} stays");
    CHECK(format("no close {brace", {}) == "no close {brace");
    CHECK(format("", {}).empty());
}

TEST_CASE("language codes parse both ways", "[core][i18n]") {
    CHECK(parseLanguage("zh").value() == Language::Chinese);
    CHECK(parseLanguage("en").value() == Language::English);
    CHECK(languageCode(Language::English) == "en");
    CHECK_THAT(parseLanguage("fr").error().message, Catch::Contains("\"zh\""));
}
