// The pinyin adapter against the real librime and Debian's luna-pinyin data, deployed by the
// build into share/homedesk/rime.
#include <catch2/catch.hpp>

#include <algorithm>

#include "platform/rime/rime_input_method.hpp"

using namespace homedesk::platform;

namespace {
std::unique_ptr<RimeInputMethod> open() {
    auto im = RimeInputMethod::create({"/usr/share/rime-data", HOMEDESK_ASSETS_DIR "/rime"});
    if (!im) FAIL(im.error().where << ": " << im.error().message);
    return std::move(im).value();
}
void typeLetters(InputMethod& im, std::string_view letters) {
    for (char c : letters) CHECK(im.key(c).empty());
}
bool among(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}
}  // namespace

TEST_CASE("pinyin offers the trade's words first, in simplified characters", "[platform][ime]") {
    auto im = open();
    typeLetters(*im, "baoxiu");
    CHECK(im->preedit().find("bao") != std::string::npos);
    const auto first = im->candidates(0, 5);
    REQUIRE_FALSE(first.empty());
    CHECK(first[0] == "报修");
    im->clear();
    CHECK(im->preedit().empty());
    for (const auto& [pinyin, word] : std::vector<std::pair<std::string, std::string>>{
             {"dianti", "电梯"}, {"loushui", "漏水"}, {"tiaozha", "跳闸"}, {"wuyefei", "物业费"}, {"tingche", "停车"}}) {
        typeLetters(*im, pinyin);
        INFO(pinyin);
        CHECK(among(im->candidates(0, 3), word));
        im->clear();
    }
    // Ordinary words come simplified from the traditional dictionary (opencc).
    typeLetters(*im, "guanli");
    CHECK(among(im->candidates(0, 9), "管理"));
}

TEST_CASE("pinyin candidates page, commit, and backspace", "[platform][ime]") {
    auto im = open();
    typeLetters(*im, "shi");
    const auto page1 = im->candidates(0, 9);
    const auto page2 = im->candidates(9, 9);
    REQUIRE(page1.size() == 9);
    REQUIRE(page2.size() == 9);
    CHECK(page1 != page2);
    CHECK(page2[0] == im->candidates(9, 1)[0]);
    // Choosing on the second page commits that candidate.
    CHECK(im->select(9 + 2) == page2[2]);
    CHECK(im->preedit().empty());

    // A partial choice leaves the rest to choose; the second choice commits both.
    typeLetters(*im, "diantihuaile");
    const auto whole = im->candidates(0, 1);
    REQUIRE_FALSE(whole.empty());
    std::string committed = im->select(0);
    while (committed.empty() && !im->preedit().empty()) committed = im->select(0);
    CHECK(committed.rfind("电梯", 0) == 0);

    typeLetters(*im, "louss");
    CHECK(im->backspace());
    CHECK(im->preedit() == "lou s");
    CHECK(im->backspace());
    CHECK(im->backspace());
    CHECK(im->backspace());
    CHECK(im->backspace());
    CHECK(im->preedit().empty());
    CHECK_FALSE(im->backspace());
}

TEST_CASE("Latin mode commits keys as typed and back to pinyin composes again", "[platform][ime]") {
    auto im = open();
    typeLetters(*im, "ni");
    im->setLatin(true);
    CHECK(im->latin());
    CHECK(im->preedit().empty());  // the half-typed pinyin is dropped, not committed
    CHECK(im->key('a') == "a");
    CHECK(im->key('B') == "B");
    CHECK(im->preedit().empty());
    im->setLatin(false);
    CHECK(im->key('n').empty());
    CHECK(im->preedit() == "n");
}

TEST_CASE("an undeployed schema is refused as a value", "[platform][ime]") {
    auto im = RimeInputMethod::create({"/usr/share/rime-data", "/nonexistent/rime"});
    REQUIRE_FALSE(im.ok());
    CHECK(im.error().message.find("not deployed") != std::string::npos);
}
