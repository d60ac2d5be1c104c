// The head office stores and serves a notice's English text (protocol 1.1), keeps it consistent
// through retractions and revisions, and migrates a v1 database.
#include "sync/hq/sqlite_db.hpp"
#include "sync/hq/sqlite_schema.hpp"
#include "tests/unit/sync/hq_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;

namespace {

hq::NoticeDraft draft(const std::string& title, const std::string& titleEn = "",
                      const std::string& bodyEn = "") {
    hq::NoticeDraft d;
    d.title = title;
    d.body = "正文";
    d.title_en = titleEn;
    d.body_en = bodyEn;
    d.publish_at = 1'790'000'000;
    d.targets = {{hq::TargetKind::All, ""}};
    return d;
}

protocol::NoticeFeed feed(HqFixture& hq, const std::string& credential,
                          const std::string& since = "") {
    std::map<std::string, std::string> query;
    if (!since.empty()) query["since"] = since;
    auto r = hq.call("GET", "/notices", credential, "", query);
    REQUIRE(r.status == 200);
    // On the wire: absent means none, so a notice without English has no English keys at all.
    auto json = nlohmann::json::parse(r.body);
    for (const auto& change : json.at("changes")) {
        if (change.contains("title_en")) CHECK(change.at("title_en") != "");
        if (change.value("retracted", false)) CHECK_FALSE(change.contains("title_en"));
    }
    return decoded<protocol::NoticeFeed>(r);
}

}  // namespace

TEST_CASE("the feed serves a notice's English text, and none when it has none", "[hq][notice_en]") {
    HqFixture hq;
    auto t = hq.enroll();
    REQUIRE(hq.store->publishNotice(draft("停水通知", "Water off", "9:00-12:00"), hq.now).ok());
    REQUIRE(hq.store->publishNotice(draft("只有中文"), hq.now).ok());
    auto page = feed(hq, t.credential);
    REQUIRE(page.changes.size() == 2);
    CHECK(page.changes[0].title == "停水通知");
    CHECK(page.changes[0].title_en == std::optional<std::string>("Water off"));
    CHECK(page.changes[0].body_en == std::optional<std::string>("9:00-12:00"));
    CHECK_FALSE(page.changes[1].title_en.has_value());
    CHECK_FALSE(page.changes[1].body_en.has_value());
}

TEST_CASE("an English body without an English title is refused", "[hq][notice_en]") {
    HqFixture hq;
    auto r = hq.store->publishNotice(draft("标题", "", "only a body"), hq.now);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("English title") != std::string::npos);
}

TEST_CASE("a retraction carries no English text", "[hq][notice_en]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto id = hq.store->publishNotice(draft("停水通知", "Water off", "9:00-12:00"), hq.now);
    REQUIRE(id.ok());
    auto first = feed(hq, t.credential);
    REQUIRE(hq.store->retractNotice(*id, hq.now + 1).value());
    auto next = feed(hq, t.credential, first.cursor);
    REQUIRE(next.changes.size() == 1);
    CHECK(next.changes[0].retracted);
    CHECK(next.changes[0].title.empty());
    CHECK_FALSE(next.changes[0].title_en.has_value());
    CHECK_FALSE(next.changes[0].body_en.has_value());
}

TEST_CASE(
    "publishing by key: again is unchanged, other text is a revision that replaces the English",
    "[hq][notice_en]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto first =
        hq.store->publishNoticeFrom("demo-1", draft("停水通知", "Water off", "9-12"), hq.now);
    REQUIRE(first.ok());
    CHECK(first->kind == hq::PublishKind::Published);
    auto page = feed(hq, t.credential);
    REQUIRE(page.changes.size() == 1);

    auto again =
        hq.store->publishNoticeFrom("demo-1", draft("停水通知", "Water off", "9-12"), hq.now + 5);
    REQUIRE(again.ok());
    CHECK(again->kind == hq::PublishKind::Unchanged);
    CHECK(again->id == first->id);
    CHECK(feed(hq, t.credential, page.cursor).changes.empty());

    // Reworded without a translation: the feed's revision has no English, so a terminal drops
    // the old one rather than showing a translation of the previous wording.
    auto revised = hq.store->publishNoticeFrom("demo-1", draft("停水通知（改期）"), hq.now + 10);
    REQUIRE(revised.ok());
    CHECK(revised->kind == hq::PublishKind::Revised);
    CHECK(revised->id == first->id);
    auto change = feed(hq, t.credential, page.cursor);
    REQUIRE(change.changes.size() == 1);
    CHECK(change.changes[0].revision == 2);
    CHECK(change.changes[0].title == "停水通知（改期）");
    CHECK_FALSE(change.changes[0].title_en.has_value());

    // Translated again later: revision 3 with the English.
    auto translated = hq.store->publishNoticeFrom(
        "demo-1", draft("停水通知（改期）", "Water off (new date)"), hq.now + 20);
    REQUIRE(translated.ok());
    CHECK(translated->kind == hq::PublishKind::Revised);
    auto third = feed(hq, t.credential, change.cursor);
    REQUIRE(third.changes.size() == 1);
    CHECK(third.changes[0].revision == 3);
    CHECK(third.changes[0].title_en == std::optional<std::string>("Water off (new date)"));

    // After a retraction the key publishes a new notice.
    REQUIRE(hq.store->retractNotice(first->id, hq.now + 30).value());
    auto fresh = hq.store->publishNoticeFrom("demo-1", draft("停水通知"), hq.now + 40);
    REQUIRE(fresh.ok());
    CHECK(fresh->kind == hq::PublishKind::Published);
    CHECK(fresh->id != first->id);
}

TEST_CASE("a version 1 head office database gains every later column and keeps its notices",
          "[hq][notice_en][store]") {
    TempDir dir;
    const std::string path = dir.file("hq.db");
    const std::string id = "n000001";
    {
        // The v1 layout, as a head office installed before protocol 1.1 made it, with a notice.
        hq::Database db(path);
        hq::migrate(db, 1);
        db.exec(
            "INSERT INTO notices(id, revision, title, body, category, emergency, pinned, "
            "publish_at, expire_at, retracted_at, created_at, last_seq) VALUES "
            "('n000001', 1, '旧通知', '', 'general', 0, 0, 1790000000, NULL, NULL, 1790000000, 1);"
            "INSERT INTO notice_targets(notice_id, kind, ref) VALUES ('n000001', 'all', '');"
            "INSERT INTO notice_changes(seq, notice_id, change, at) "
            "VALUES (1, 'n000001', 'published', 1790000000);");
    }
    auto store = hq::SqliteHqStore::open(path);
    REQUIRE(store.ok());
    {
        hq::Database db(path);
        auto version = db.prepare("PRAGMA user_version");
        REQUIRE(version.step());
        CHECK(version.integer(0) == hq::kSchemaVersion);  // through v2 (English), v3, v4 (console)
        CHECK(hq::kSchemaVersion == 4);
    }
    auto code = store.value()->createEnrollCode(store.value()->addCommunity("c").value(),
                                                std::nullopt, 1'790'003'600);
    REQUIRE(code.ok());
    auto enrolled = store.value()->enroll(code->code, "lobby", "hash-of-credential", 1'790'000'000);
    REQUIRE(enrolled.ok());
    REQUIRE(enrolled->terminal.has_value());
    auto page = store.value()->noticesSince(*enrolled->terminal, 0, 10);
    REQUIRE(page.ok());
    REQUIRE(page->changes.size() == 1);
    CHECK(page->changes[0].id == id);
    CHECK(page->changes[0].title == "旧通知");
    CHECK_FALSE(page->changes[0].title_en.has_value());
    REQUIRE(store.value()->publishNotice(draft("新通知", "New notice"), 1'790'000'100).ok());
}
