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

TEST_CASE("await names a fact and optionally how long to wait for it", "[app][script]") {
    auto s = app::parseScript("await receipt.delivered\nawait sync.synced 5000\n", "t");
    REQUIRE(s.ok());
    CHECK((*s)[0].argument == "receipt.delivered");
    CHECK((*s)[1].argument == "sync.synced 5000");
    CHECK_FALSE(app::parseScript("await sync.synced soon\n", "t").ok());
    CHECK_FALSE(app::parseScript("await\n", "t").ok());
}

TEST_CASE("await holds the script until the fact holds, and fails when it never does", "[app][script]") {
    auto commands = app::parseScript("await receipt.delivered 1000\nshot after\n", "t");
    REQUIRE(commands.ok());
    app::ScriptDriver driver(commands.value());
    bool delivered = false;
    driver.setFacts([&](std::string_view f) { return f == "receipt.delivered" && delivered; });
    ui::WidgetRegistry widgets;
    const TimePoint t0 = Clock::now();
    CHECK(driver.step(t0, widgets, "repair", 100, 100).kind == app::ScriptDriver::Step::Kind::None);
    REQUIRE(driver.deadline().has_value());
    CHECK(*driver.deadline() <= t0 + std::chrono::milliseconds(1000));
    CHECK(driver.step(t0 + std::chrono::milliseconds(500), widgets, "repair", 100, 100).kind == app::ScriptDriver::Step::Kind::None);
    delivered = true;
    const auto shot = driver.step(t0 + std::chrono::milliseconds(600), widgets, "repair", 100, 100);
    CHECK(shot.kind == app::ScriptDriver::Step::Kind::Shot);
    CHECK(shot.text == "after");

    app::ScriptDriver never(app::parseScript("await sync.synced 200\n", "t").value());
    CHECK(never.step(t0, widgets, "home", 100, 100).kind == app::ScriptDriver::Step::Kind::None);
    const auto failed = never.step(t0 + std::chrono::milliseconds(250), widgets, "home", 100, 100);
    CHECK(failed.kind == app::ScriptDriver::Step::Kind::Fail);
    CHECK_THAT(failed.text, Catch::Contains("sync.synced"));
}
