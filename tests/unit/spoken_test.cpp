#include <catch2/catch.hpp>

#include "kiosk/core/spoken.hpp"

using namespace homedesk;

TEST_CASE("codes are spelled digit by digit for read-aloud", "[core][speech]") {
    CHECK(spellDigits("39243770") == "3 9 2 4 3 7 7 0");
    CHECK(spellDigits("2026-118") == "2 0 2 6, 1 1 8");
    CHECK(spellDigits("") == "");
}
