#include <catch2/catch.hpp>

#include "kiosk/app/script_driver.hpp"

using namespace homedesk;

TEST_CASE("scripts parse commands, skip comments and blank lines", "[app][script]") {
    auto s = app::parseScript("# tour\n\ntap home.tile.repair\n  wait 500\r\ntype 3号楼 电梯\nshot home\nquit\n", "t");
    REQUIRE(s.ok());
    REQUIRE(s->size() == 5);
    CHECK((*s)[0].verb == "tap");
    CHECK((*s)[0].argument == "home.tile.repair");
    CHECK((*s)[0].line == 3);
    CHECK((*s)[1].argument == "500");
    CHECK((*s)[2].argument == "3号楼 电梯");
}

TEST_CASE("bad scripts name the line and the problem", "[app][script]") {
    CHECK_THAT(app::parseScript("tap\n", "s").error().message, Catch::Contains("needs an argument"));
    CHECK_THAT(app::parseScript("jump x\n", "s").error().message, Catch::Contains("unknown command"));
    CHECK(app::parseScript("shot a\nwait soon\n", "s").error().where == "s:2");
    CHECK_FALSE(app::parseScript("wait 99999999999\n", "s").ok());
    CHECK_FALSE(app::parseScript("key f13\n", "s").ok());
}
