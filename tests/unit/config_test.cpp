#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kiosk/app/config.hpp"

using namespace homedesk;
using app::parseConfig;

TEST_CASE("the example configuration parses and matches the defaults", "[app][config]") {
    std::ifstream in(HOMEDESK_SOURCE_DIR "/deploy/homedesk.example.toml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto c = parseConfig(buffer.str(), "example");
    REQUIRE(c.ok());
    const app::Config defaults;
    CHECK(c->orientation == defaults.orientation);
    CHECK(c->idleSeconds == 60);
    CHECK(c->promptSeconds == 20);
    CHECK(c->site.community == "示范小区");
}

TEST_CASE("settings are read from their sections", "[app][config]") {
    auto c = parseConfig(R"(
[display]
orientation = "landscape"
language = "en"
large_text = true
panel_inches = 32
[session]
idle_seconds = 90
[site]
community = "阳光花园"
)", "t");
    REQUIRE(c.ok());
    CHECK(c->orientation == app::Orientation::Landscape);
    CHECK(c->width() == 1920);
    CHECK(c->language == Language::English);
    CHECK(c->largeText);
    CHECK(c->idleSeconds == 90);
    CHECK(c->promptSeconds == 20);
    CHECK(c->site.community == "阳光花园");
    CHECK(c->pxPerMm() == Approx(2203.0 / (32 * 25.4)).epsilon(0.01));
}

TEST_CASE("bad values are refused with the key and what is allowed", "[app][config]") {
    const auto error = [](const char* toml) { return parseConfig(toml, "kiosk.toml").error().message; };
    CHECK_THAT(error("[display]\norientation = \"sideways\""),
               Catch::Contains("display.orientation") && Catch::Contains("\"landscape\""));
    CHECK_THAT(error("[session]\nidle_seconds = 0"), Catch::Contains("session.idle_seconds") && Catch::Contains("1 to 3600"));
    CHECK_THAT(error("[session]\nidle_seconds = \"60\""), Catch::Contains("whole number"));
    CHECK_THAT(error("[display]\nfullscreen = 1"), Catch::Contains("true or false"));
    CHECK_THAT(error("[display]\nlanguage = \"de\""), Catch::Contains("display.language"));
    CHECK_THAT(error("[display]\nfulscreen = true"), Catch::Contains("display.fulscreen") && Catch::Contains("typo"));
    CHECK_THAT(error("[dispaly]\n"), Catch::Contains("dispaly"));
    CHECK_THAT(error("[site]\ncommunity = \"\""), Catch::Contains("site.community"));
    CHECK_THAT(error("this is not toml"), Catch::Contains("line 1"));
}

TEST_CASE("control characters in names are removed", "[app][config]") {
    auto c = parseConfig("[site]\ncommunity = \"阳光\\u0007花园\"", "t");
    REQUIRE(c.ok());
    CHECK(c->site.community == "阳光花园");
}

TEST_CASE("a missing configuration file says so", "[app][config]") {
    auto c = app::loadConfig("/nonexistent/homedesk.toml");
    REQUIRE_FALSE(c.ok());
    CHECK_THAT(c.error().message, Catch::Contains("cannot open"));
}
