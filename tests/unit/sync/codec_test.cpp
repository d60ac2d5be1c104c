#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "sync/protocol/codec.hpp"
#include "sync/protocol/field_reader.hpp"

using namespace homedesk::protocol;

namespace {

Submission repair(std::string id) {
    Submission s;
    s.client_id = std::move(id);
    s.kind = SubmissionKind::Repair;
    s.created_at = 1'790'000'000;
    s.payload = {{"category", "elevator"}, {"location", "3号楼 电梯 2号"}, {"urgent", true}};
    return s;
}

}  // namespace

TEST_CASE("a submission batch survives encode and decode unchanged", "[protocol][codec]") {
    SubmissionBatch batch{{repair("c-0001-abcd"), repair("c-0002-abcd")}};
    batch.items[1].kind = SubmissionKind::Complaint;
    auto decoded = decode<SubmissionBatch>(encode(batch));
    REQUIRE(decoded.ok());
    REQUIRE(decoded->items.size() == 2);
    CHECK(decoded->items[0].client_id == "c-0001-abcd");
    CHECK(decoded->items[1].kind == SubmissionKind::Complaint);
    CHECK(decoded->items[0].payload == batch.items[0].payload);
    CHECK(contentHash(decoded->items[0]) == contentHash(batch.items[0]));
}

TEST_CASE("the content hash changes with the content and not with key order", "[protocol][codec]") {
    Submission a = repair("c-0001-abcd");
    auto reordered = decode<Submission>(
        R"({"payload":{"urgent":true,"location":"3号楼 电梯 2号","category":"elevator"},)"
        R"("created_at":1790000000,"kind":"repair","client_id":"c-0001-abcd"})");
    REQUIRE(reordered.ok());
    CHECK(contentHash(*reordered) == contentHash(a));
    Submission b = a;
    b.payload["urgent"] = false;
    CHECK(contentHash(b) != contentHash(a));
}

TEST_CASE("decoding refuses bad input with a message naming the field", "[protocol][codec]") {
    struct Case {
        const char* text;
        const char* mentions;
    };
    const Case cases[] = {
        {"", "not valid JSON"},
        {"{", "not valid JSON"},
        {"[]", "expected an object"},
        {R"({"items":[]})", "items: is empty"},
        {R"({"items":{}})", "items: expected an array"},
        {R"({"items":[{"client_id":"short","kind":"repair","created_at":1,"payload":{}}]})",
         "items[0].client_id: shorter than 8"},
        {R"({"items":[{"client_id":"c-0001-abcd","kind":"party","created_at":1,"payload":{}}]})",
         "items[0].kind"},
        {R"({"items":[{"client_id":"c-0001-abcd","kind":"repair","created_at":"1","payload":{}}]})",
         "items[0].created_at: expected an integer"},
        {R"({"items":[{"client_id":"c-0001-abcd","kind":"repair","created_at":-5,"payload":{}}]})",
         "items[0].created_at: must be between"},
        {R"({"items":[{"client_id":"c 0001; DROP","kind":"repair","created_at":1,"payload":{}}]})",
         "items[0].client_id: may hold only"},
        {R"({"items":[{"client_id":"c-0001-abcd","kind":"repair","created_at":1}]})",
         "items[0].payload: is required"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto decoded = decode<SubmissionBatch>(c.text);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().kind == homedesk::Error::Kind::InvalidInput);
        CHECK(decoded.error().message.find(c.mentions) != std::string::npos);
    }
}

TEST_CASE("decoding refuses invalid UTF-8, control characters and hostile nesting",
          "[protocol][codec]") {
    CHECK_FALSE(decode<EnrollRequest>("{\"code\":\"abc\xff\"}").ok());
    auto control = decode<Notice>(
        R"({"id":"n1","revision":1,"title":"a\u0007b","publish_at":1})");
    REQUIRE_FALSE(control.ok());
    CHECK(control.error().message.find("title: holds control, bidi or invalid characters") !=
          std::string::npos);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto nested = decode<Heartbeat>(deep);
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().message.find("nested deeper") != std::string::npos);
}

TEST_CASE("one-line and text fields refuse C1 controls and bidi reordering", "[protocol][codec]") {
    // Each as it would arrive in JSON (escaped) and the raw bytes a command line would pass.
    const std::vector<std::pair<std::string, std::string>> hostile = {
        {"\\u0085", "\xC2\x85"},  // NEXT LINE, a C1 control
        {"\\u009b", "\xC2\x9B"},  // CSI, starts a terminal escape sequence
        {"\\u202e", "\xE2\x80\xAE"},  // RIGHT-TO-LEFT OVERRIDE
        {"\\u202a", "\xE2\x80\xAA"},  // LEFT-TO-RIGHT EMBEDDING
        {"\\u2066", "\xE2\x81\xA6"},  // LEFT-TO-RIGHT ISOLATE
        {"\\u2069", "\xE2\x81\xA9"},  // POP DIRECTIONAL ISOLATE
        {"\\u200f", "\xE2\x80\x8F"},  // RIGHT-TO-LEFT MARK
        {"\\u2028", "\xE2\x80\xA8"},  // LINE SEPARATOR
    };
    for (const auto& [escaped, raw] : hostile) {
        INFO(escaped);
        auto enroll = decode<EnrollRequest>(R"({"code":"abc","device_name":"lobby)" + escaped +
                                            R"(gpj.exe"})");
        REQUIRE_FALSE(enroll.ok());
        CHECK(enroll.error().message.find("device_name") != std::string::npos);
        CHECK_FALSE(isValidText("lobby" + raw + "1", TextKind::Line));
        CHECK_FALSE(isValidText("body" + raw + "text", TextKind::Text));
    }
    // What stays allowed: Chinese, emoji, newlines in text, and the ordinary marks around them.
    CHECK(isValidText("3号楼 大堂 · 东门 🙂", TextKind::Line));
    CHECK(isValidText("第一行\n第二行\t(备注)", TextKind::Text));
    CHECK(decode<EnrollRequest>(R"({"code":"abc","device_name":"3号楼 大堂"})").ok());
    // Raw bytes that are not UTF-8 (an overlong slash, a lone continuation, a surrogate).
    CHECK_FALSE(isValidText("a\xC0\xAF", TextKind::Line));
    CHECK_FALSE(isValidText("a\x80", TextKind::Line));
    CHECK_FALSE(isValidText("a\xED\xA0\x80", TextKind::Text));
    CHECK_FALSE(isValidText("a\xE4\xB8", TextKind::Text));  // cut short
}

TEST_CASE("a stored name prints with its hostile characters spelled out", "[protocol][codec]") {
    CHECK(printableLine("lobby\xE2\x80\xAEgpj.exe") == "lobby\\u{202E}gpj.exe");
    CHECK(printableLine("\x1B[2J\xC2\x9B" "1m") == "\\u{001B}[2J\\u{009B}1m");
    CHECK(printableLine("bad\xFF\xC0") == "bad\\xFF\\xC0");
    CHECK(printableLine("3号楼 大堂") == "3号楼 大堂");
}

TEST_CASE("a batch with one bad item still answers the others", "[protocol][codec]") {
    auto items = decodeReceivedBatch(
        R"({"items":[{"client_id":"c-0001-abcd","kind":"repair","created_at":1,"payload":{}},)"
        R"({"client_id":"c-0002-abcd","kind":"nonsense","created_at":1,"payload":{}}]})");
    REQUIRE(items.ok());
    REQUIRE(items->size() == 2);
    CHECK(items.value()[0].submission.ok());
    CHECK(items.value()[1].client_id == "c-0002-abcd");
    CHECK_FALSE(items.value()[1].submission.ok());
}

TEST_CASE("a batch item without a readable client id refuses the whole batch",
          "[protocol][codec]") {
    auto items = decodeReceivedBatch(R"({"items":[{"kind":"repair"}]})");
    REQUIRE_FALSE(items.ok());
    CHECK(items.error().message.find("items[0].client_id: is required") != std::string::npos);
}

TEST_CASE("a payload above the size limit is refused", "[protocol][codec]") {
    Submission s = repair("c-0001-abcd");
    s.payload["description"] = std::string(20000, 'x');
    auto decoded = decode<Submission>(encode(s));
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.find("payload: larger than") != std::string::npos);
}

TEST_CASE("feeds, config and heartbeat round trip", "[protocol][codec]") {
    NoticeFeed feed;
    Notice n;
    n.id = "n-1";
    n.revision = 3;
    n.title = "停水通知";
    n.body = "明天 9:00-12:00\n3号楼停水";
    n.category = NoticeCategory::Outage;
    n.emergency = true;
    n.publish_at = 1'790'000'000;
    n.expire_at = 1'790'100'000;
    Notice gone;
    gone.id = "n-0";
    gone.revision = 2;
    gone.retracted = true;
    feed.changes = {n, gone};
    feed.cursor = "42";
    auto f = decode<NoticeFeed>(encode(feed));
    REQUIRE(f.ok());
    REQUIRE(f->changes.size() == 2);
    CHECK(f->changes[0].body == n.body);
    CHECK(f->changes[0].expire_at == n.expire_at);
    CHECK(f->changes[1].retracted);
    CHECK(f->cursor == "42");

    TerminalConfig config;
    config.config_version = 7;
    config.terminal_id = "T1";
    config.community_id = "C1";
    config.community_name = "阳光花园";
    config.buildings = {{"B1", "1号楼"}};
    config.signing_public_key = "abc";
    auto c = decode<TerminalConfig>(encode(config));
    REQUIRE(c.ok());
    CHECK(c->buildings.at(0).name == "1号楼");
    CHECK(c->settings.notice_wait_s == 25);

    Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.sent_at = 1;
    hb.queue_depth = 3;
    hb.oldest_unsent_age_s = 120;
    hb.displayed = {{"n-1", 3, 1'790'000'100, 30}};
    hb.errors = {"camera unplugged"};
    auto h = decode<Heartbeat>(encode(hb));
    REQUIRE(h.ok());
    CHECK(h->oldest_unsent_age_s == 120);
    CHECK(h->displayed.at(0).shown_for_s == 30);
    CHECK(h->errors.at(0) == "camera unplugged");
}

TEST_CASE("an error body carries its code and whether a retry helps", "[protocol][errors]") {
    auto e = decode<ErrorBody>(encode(ErrorBody{{ErrorCode::Unavailable, "shutting down"}}));
    REQUIRE(e.ok());
    CHECK(e->error.code == ErrorCode::Unavailable);
    CHECK(e->error.retryable());
    CHECK(e->error.httpStatus() == 503);
    CHECK_FALSE(ProtocolError{ErrorCode::Conflict, ""}.retryable());
    CHECK(ProtocolError{ErrorCode::Unauthorized, ""}.fatal());
    CHECK(ProtocolError{ErrorCode::Tls, ""}.fatal());
    CHECK_FALSE(ProtocolError{ErrorCode::Timeout, ""}.fatal());
    CHECK(errorCodeForHttpStatus(502) == ErrorCode::ServerError);
    CHECK_FALSE(errorCodeFromWire("tls").has_value());  // client-side codes never on the wire
    auto unknown = decode<ErrorBody>(R"({"error":{"code":"brand_new","message":"x"}})");
    REQUIRE(unknown.ok());
    CHECK(unknown->error.code == ErrorCode::ServerError);
}
