#include <catch2/catch.hpp>

#include "kiosk/core/kiosk_state.hpp"

using namespace homedesk;

TEST_CASE("tiles open screens, Back returns, Home goes all the way", "[core][navigation]") {
    KioskState s;
    CHECK(s.atHome());
    CHECK(apply(s, intent::Open{ScreenId::Repair}).screen);
    CHECK(s.screen() == ScreenId::Repair);
    apply(s, intent::Open{ScreenId::Track});
    CHECK(s.stack.size() == 3);
    CHECK(apply(s, intent::Back{}).screen);
    CHECK(s.screen() == ScreenId::Repair);
    apply(s, intent::Open{ScreenId::Notices});
    CHECK(apply(s, intent::Home{}).screen);
    CHECK(s.atHome());
}

TEST_CASE("Back and Home at Home change nothing", "[core][navigation]") {
    KioskState s;
    CHECK_FALSE(apply(s, intent::Back{}).any());
    CHECK_FALSE(apply(s, intent::Home{}).any());
    CHECK(s.stack.size() == 1);
}

TEST_CASE("opening the screen already shown does not stack it twice", "[core][navigation]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Scan});
    CHECK_FALSE(apply(s, intent::Open{ScreenId::Scan}).any());
    CHECK(s.stack.size() == 2);
    apply(s, intent::Open{ScreenId::Home});
    CHECK(s.atHome());
}

TEST_CASE("settings change and report what must be rebuilt", "[core][settings]") {
    KioskState s;
    CHECK(apply(s, intent::SetLanguage{Language::English}).language);
    CHECK_FALSE(apply(s, intent::SetLanguage{Language::English}).any());
    CHECK(apply(s, intent::ToggleLargeText{}).largeText);
    CHECK(s.settings.largeText);
    apply(s, intent::ToggleReadAloud{});
    CHECK(s.settings.readAloud);
}

TEST_CASE("the wipe returns to Home with the configured defaults", "[core][session]") {
    KioskState s;
    s.defaults = {Language::English, true, false};
    s.settings = s.defaults;
    apply(s, intent::Open{ScreenId::Complaint});
    apply(s, intent::SetLanguage{Language::Chinese});
    apply(s, intent::ToggleLargeText{});
    apply(s, intent::ToggleReadAloud{});
    const Change c = wipe(s);
    CHECK(c.screen);
    CHECK(c.language);
    CHECK(c.largeText);
    CHECK(s.atHome());
    CHECK(s.settings == s.defaults);
}

TEST_CASE("every screen has a stable automation name", "[core][navigation]") {
    CHECK(screenName(ScreenId::Home) == "home");
    for (ScreenId id : kHomeTiles) CHECK(screenName(id) != "unknown");
}
