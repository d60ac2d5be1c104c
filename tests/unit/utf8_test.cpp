#include <catch2/catch.hpp>

#include "kiosk/core/utf8.hpp"

using namespace homedesk;

TEST_CASE("UTF-8 decodes Chinese, Latin and emoji", "[core][utf8]") {
    CHECK(utf8::decode("a报修") == std::vector<char32_t>{'a', 0x62A5, 0x4FEE});
    CHECK(utf8::decode("\xF0\x9F\x98\x80") == std::vector<char32_t>{0x1F600});
    CHECK(utf8::isValid("报修 repair 😀"));
}

TEST_CASE("malformed UTF-8 becomes U+FFFD and decoding moves on", "[core][utf8]") {
    const char32_t R = utf8::kReplacement;
    CHECK(utf8::decode("\xff") == std::vector<char32_t>{R});
    CHECK(utf8::decode("\xC0\xAF") == std::vector<char32_t>{R, R});        // overlong '/'
    CHECK(utf8::decode("\xED\xA0\x80") == std::vector<char32_t>{R, R, R});  // a surrogate
    CHECK(utf8::decode("\xE6\x8A") == std::vector<char32_t>{R, R});         // truncated
    CHECK(utf8::decode("\xF4\x90\x80\x80").front() == R);                   // past U+10FFFF
    CHECK(utf8::decode("a\x80z") == std::vector<char32_t>{'a', R, 'z'});
    CHECK_FALSE(utf8::isValid("\xE6\x8A"));
    CHECK(utf8::isValid("\xEF\xBF\xBD"));  // a real U+FFFD is valid
}

TEST_CASE("sanitize drops control characters and repairs encoding", "[core][utf8]") {
    CHECK(utf8::sanitize("a\tb\x01\x7f" "c\nd") == "abc\nd");
    CHECK(utf8::sanitize("\xff报修") == "\xEF\xBF\xBD报修");
    CHECK(utf8::isValid(utf8::sanitize(std::string("\xC3\x28\xA0\xA1\xE2\x28\xA1", 7))));
}

TEST_CASE("sanitize drops bidi overrides and line separators from head-office text", "[core][utf8]") {
    CHECK(homedesk::utf8::sanitize("停水\xE2\x80\xAE通知\xE2\x81\xA6" "A\xE2\x81\xA9\xE2\x80\xA8") ==
          "停水通知A");
}

TEST_CASE("encoding round-trips every plane", "[core][utf8]") {
    for (char32_t cp : {char32_t(0x41), char32_t(0xE9), char32_t(0x4E2D), char32_t(0xFFFD), char32_t(0x1F600), char32_t(0x10FFFF)}) {
        std::string s;
        utf8::append(s, cp);
        CHECK(utf8::decode(s) == std::vector<char32_t>{cp});
    }
}

TEST_CASE("ten thousand characters of anything decode without trouble", "[core][utf8]") {
    std::string junk;
    for (int i = 0; i < 10000; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
    const auto cps = utf8::decode(junk);
    CHECK(cps.size() <= junk.size());
    CHECK(utf8::isValid(utf8::sanitize(junk)));
}
