#include <catch2/catch.hpp>

#include "kiosk/core/text_layout.hpp"
#include "kiosk/core/utf8.hpp"

using namespace homedesk;

namespace {
// Every character is one unit wide, wide (CJK) characters two.
float measure(std::string_view s) {
    float w = 0;
    for (char32_t cp : utf8::decode(s)) w += cp >= 0x2E80 ? 2 : 1;
    return w;
}
}  // namespace

TEST_CASE("Latin text breaks between words", "[core][layout]") {
    CHECK(wrapText("call the service line", 10, measure) ==
          std::vector<std::string>{"call the", "service", "line"});
}

TEST_CASE("Chinese breaks between any two characters", "[core][layout]") {
    CHECK(wrapText("请拨打服务热线", 6, measure) == std::vector<std::string>{"请拨打", "服务热", "线"});
}

TEST_CASE("closing punctuation never starts a line", "[core][layout]") {
    const auto lines = wrapText("您好，请选择服务", 6, measure);
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) CHECK(line.rfind("，", 0) != 0);
    CHECK(lines[0] == "您好，");
}

TEST_CASE("a word longer than the line is split", "[core][layout]") {
    CHECK(wrapText("abcdefghij", 4, measure) == std::vector<std::string>{"abcd", "efgh", "ij"});
}

TEST_CASE("newlines always break and empty text is one empty line", "[core][layout]") {
    CHECK(wrapText("a\nb", 100, measure) == std::vector<std::string>{"a", "b"});
    CHECK(wrapText("", 100, measure) == std::vector<std::string>{""});
}

TEST_CASE("mixed text keeps numbers whole", "[core][layout]") {
    const auto lines = wrapText("热线 400-800-1234", 10, measure);
    CHECK(lines == std::vector<std::string>{"热线", "400-800-1234"});
}
