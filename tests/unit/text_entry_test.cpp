#include <catch2/catch.hpp>

#include "kiosk/core/directory.hpp"
#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/text_entry.hpp"
#include "kiosk/core/typed_text.hpp"

using namespace homedesk;

TEST_CASE("digits fields take digits and name what they refuse", "[core][entry]") {
    std::string entry = "13";
    CHECK(typeInto(entry, "8a0-0", {EntryMode::Digits, 11}) == "entry.error.digits_only");
    CHECK(entry == "13800");
    CHECK(typeInto(entry, "12-3", {EntryMode::DigitsDash, 16}).empty());
    CHECK(entry == "1380012-3");
}

TEST_CASE("codes are upper-cased, a scanner's Enter is not part of them", "[core][entry]") {
    std::string entry;
    CHECK(typeInto(entry, "ab3k-9x\r\n", {EntryMode::Code, 12}).empty());
    CHECK(entry == "AB3K-9X");
    CHECK(typeInto(entry, "é", {EntryMode::Code, 12}) == "entry.error.letters_digits_only");
    CHECK(entry == "AB3K-9X");
}

TEST_CASE("the limit keeps what was typed and says why the rest is missing", "[core][entry]") {
    std::string entry = "漏水";
    const std::string flood(10'000, 'x');
    CHECK(typeInto(entry, flood, {EntryMode::Text, kMaxFreeText}) == "entry.error.too_long");
    CHECK(charCount(entry) == kMaxFreeText);
    CHECK(entry.rfind("漏水", 0) == 0);
}

TEST_CASE("free text drops emoji, controls and broken bytes, keeps the rest", "[core][entry]") {
    std::string entry;
    const std::string typed = std::string("门坏了\x01\x7f") + "\xF0\x9F\x98\x80" + "\xE2\x9D\xA4" + "\xC3" + "ok";
    CHECK(typeInto(entry, typed, {EntryMode::Text, kMaxFreeText}) == "entry.error.unsupported");
    CHECK(entry == "门坏了ok");
    CHECK(typeInto(entry, "\xE4\xBD", {EntryMode::Text, kMaxFreeText}) == "entry.error.unsupported");
    CHECK(entry == "门坏了ok");
}

TEST_CASE("free text drops C1 controls and bidi reordering marks", "[core][entry]") {
    std::string entry;
    // "3楼" RLO "txt.exe" PDF, NEL, LRI … PDI, RLM, LINE SEPARATOR: none of them reach the store.
    const std::string typed = std::string("3楼\xE2\x80\xAE") + "txe\xE2\x80\xAC" + "\xC2\x85" +
                              "\xE2\x81\xA6" + "东门\xE2\x81\xA9" + "\xE2\x80\x8F" + "\xE2\x80\xA8";
    CHECK(typeInto(entry, typed, {EntryMode::Text, kMaxFreeText}) == "entry.error.unsupported");
    CHECK(entry == "3楼txe东门");
}

TEST_CASE("nothing is typed where there is no field", "[core][entry]") {
    std::string entry;
    CHECK_FALSE(typeInto(entry, "1", {}).empty());
    CHECK(entry.empty());
}

TEST_CASE("Delete removes one whole character", "[core][entry]") {
    std::string entry = "a门";
    eraseLast(entry);
    CHECK(entry == "a");
    eraseLast(entry);
    eraseLast(entry);
    CHECK(entry.empty());
}

TEST_CASE("typing reaches the field of the step on screen only", "[core][entry]") {
    Directory dir;
    dir.buildings.push_back({"b3", {"3号楼", "Building 3"}});
    KioskState s;
    s.directory = &dir;
    apply(s, intent::Type{"123"});
    CHECK(s.entry.empty());  // Home has no field
    apply(s, intent::Open{ScreenId::Repair});
    apply(s, intent::Repair{intent::Repair::Kind::Category, "", RepairCategory::DoorsWindows});
    apply(s, intent::Repair{intent::Repair::Kind::Home});
    apply(s, intent::Repair{intent::Repair::Kind::Building, "b3"});
    REQUIRE(s.flow<RepairFlow>()->step() == RepairFlow::Step::Unit);
    CHECK(entrySpec(s).mode == EntryMode::DigitsDash);
    apply(s, intent::Type{"2-1203x"});
    CHECK(s.entry == "2-1203");
    CHECK(s.entryError == "entry.error.digits_only");
    apply(s, intent::Key{intent::Key::kBackspace});
    CHECK(s.entry == "2-120");
    CHECK(s.entryError.empty());
    apply(s, intent::Key{intent::Key::kShift});
    CHECK(s.entryShift);
    wipe(s);
    CHECK(s.entry.empty());
    CHECK_FALSE(s.entryShift);
}

TEST_CASE("quick phrases are joined by the Chinese comma, English ones by a Latin comma", "[core][entry]") {
    CHECK(phraseSeparator("", "水龙头漏水").empty());
    CHECK(phraseSeparator("", "Tap leaking").empty());
    CHECK(phraseSeparator("水龙头漏水", "一直在滴") == "，");
    CHECK(phraseSeparator("Tap leaking", "Since Monday") == ", ");
    CHECK(phraseSeparator("Tap leaking", "一直在滴") == "，");  // mixed: the Chinese comma
}
