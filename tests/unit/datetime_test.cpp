#include <catch2/catch.hpp>

#include "kiosk/core/datetime.hpp"

using namespace homedesk;

TEST_CASE("the header's date reads naturally in both languages", "[core][datetime]") {
    std::tm t{};
    t.tm_year = 126;
    t.tm_mon = 10;
    t.tm_mday = 23;
    t.tm_wday = 1;
    t.tm_hour = 9;
    t.tm_min = 5;
    CHECK(formatDate(t, Language::Chinese) == "11月23日 星期一");
    CHECK(formatDate(t, Language::English) == "Monday 23 November");
    CHECK(formatTime(t) == "09:05");
}

TEST_CASE("out-of-range calendar fields do not crash", "[core][datetime]") {
    std::tm t{};
    t.tm_mon = 99;
    t.tm_wday = -3;
    CHECK_FALSE(formatDate(t, Language::English).empty());
}
