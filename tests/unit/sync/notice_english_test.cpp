// Protocol 1.1: a notice's optional English text (title_en / body_en) on the wire.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "sync/protocol/codec.hpp"

using namespace homedesk::protocol;

namespace {

Notice chinese() {
    Notice n;
    n.id = "n7";
    n.revision = 2;
    n.title = "停水通知";
    n.body = "明天 9:00-12:00\n3号楼停水";
    n.category = NoticeCategory::Outage;
    n.publish_at = 1'790'000'000;
    return n;
}

std::string errorOf(const std::string& text) {
    auto decoded = decode<Notice>(text);
    return decoded.ok() ? std::string("(decoded)") : decoded.error().message;
}

}  // namespace

TEST_CASE("a notice's English text survives encode and decode", "[protocol][notice_en]") {
    Notice n = chinese();
    n.title_en = "Water off tomorrow";
    n.body_en = "Tomorrow 9:00-12:00\nBuilding 3 has no water";
    const std::string text = encode(n);
    auto json = nlohmann::json::parse(text);
    CHECK(json.at("title_en") == "Water off tomorrow");
    auto back = decode<Notice>(text);
    REQUIRE(back.ok());
    CHECK(back->title == n.title);
    CHECK(back->title_en == n.title_en);
    CHECK(back->body_en == n.body_en);
}

TEST_CASE("a notice without English has no English fields and decodes as none",
          "[protocol][notice_en]") {
    const std::string text = encode(chinese());
    auto json = nlohmann::json::parse(text);
    CHECK_FALSE(json.contains("title_en"));
    CHECK_FALSE(json.contains("body_en"));
    auto back = decode<Notice>(text);
    REQUIRE(back.ok());
    CHECK_FALSE(back->title_en.has_value());
    CHECK_FALSE(back->body_en.has_value());
    // A 1.0 head office's notice (no English fields at all) reads the same way.
    auto old = decode<Notice>(R"({"id":"n1","revision":1,"title":"通知","publish_at":1})");
    REQUIRE(old.ok());
    CHECK_FALSE(old->title_en.has_value());
    // Empty and null mean none too.
    auto empty = decode<Notice>(
        R"({"id":"n1","revision":1,"title":"通知","title_en":"","body_en":null,"publish_at":1})");
    REQUIRE(empty.ok());
    CHECK_FALSE(empty->title_en.has_value());
    CHECK_FALSE(empty->body_en.has_value());
}

TEST_CASE("English fields of the wrong type or with control characters name the field",
          "[protocol][notice_en]") {
    CHECK(errorOf(R"({"id":"n1","revision":1,"title":"t","title_en":5,"publish_at":1})") ==
          "title_en: expected a string");
    CHECK(errorOf(R"({"id":"n1","revision":1,"title":"t","title_en":"T",)"
                  R"("body_en":["x"],"publish_at":1})") == "body_en: expected a string");
    CHECK(errorOf(R"({"id":"n1","revision":1,"title":"t","title_en":"a\nb","publish_at":1})") ==
          "title_en: holds control, bidi or invalid characters");
    CHECK(errorOf(R"({"id":"n1","revision":1,"title":"t","title_en":")" + std::string(257, 'x') +
                  R"(","publish_at":1})") == "title_en: longer than 256 bytes");
    CHECK(
        errorOf(R"({"id":"n1","revision":1,"title":"t","body_en":"only a body","publish_at":1})") ==
        "body_en: needs title_en");
    // Inside a feed the path names the item.
    auto feed = decode<NoticeFeed>(
        R"({"changes":[{"id":"n1","revision":1,"title":"t","publish_at":1},)"
        R"({"id":"n2","revision":1,"title":"t","title_en":false,"publish_at":1}],)"
        R"("cursor":"9","more":false})");
    REQUIRE_FALSE(feed.ok());
    CHECK(feed.error().message == "changes[1].title_en: expected a string");
}

TEST_CASE("a retraction carries no English, whatever the sender put in", "[protocol][notice_en]") {
    Notice gone = chinese();
    gone.retracted = true;
    gone.title.clear();
    gone.body.clear();
    gone.title_en = "left over";
    auto back = decode<Notice>(encode(gone));
    REQUIRE(back.ok());
    CHECK(back->retracted);
    CHECK_FALSE(back->title_en.has_value());
}

TEST_CASE("the demo notices file decodes as a feed with English for every notice",
          "[protocol][notice_en]") {
    std::ifstream in(HOMEDESK_SOURCE_DIR "/assets/demo/notices.json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    auto feed = decode<NoticeFeed>(text.str());
    REQUIRE(feed.ok());
    REQUIRE_FALSE(feed->changes.empty());
    for (const Notice& n : feed->changes) {
        CHECK(n.title_en.has_value());
        CHECK(n.body_en.has_value());
    }
}
