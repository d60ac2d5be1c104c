// Notices (feed changes, the current list, display records) and survey responses in the outbox.
#include <nlohmann/json.hpp>

#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_surveys.hpp"
#include "tests/unit/store/store_fixture.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

namespace {

StoredNotice notice(const std::string& id, std::int64_t revision, std::int64_t publishAt) {
    StoredNotice n;
    n.id = id;
    n.revision = revision;
    n.title = "通知 " + id;
    n.body = "正文";
    n.publishAt = publishAt;
    return n;
}

}  // namespace

TEST_CASE("notices: emergency, then pinned, then newest, unpublished, expired and retracted hidden", "[store][notices]") {
    StoreFixture f;
    auto notices = homedesk::store::testing::openNotices(f.dbPath);
    REQUIRE(notices.ok());
    auto plainOld = notice("plain-old", 1, 100);
    auto plainNew = notice("plain-new", 1, 300);
    auto pinned = notice("pinned", 1, 50);
    pinned.pinned = true;
    auto outage = notice("outage", 1, 200);
    outage.emergency = true;
    outage.category = "outage";
    auto future = notice("future", 1, 5000);
    auto expired = notice("expired", 1, 10);
    expired.expireAt = 400;
    for (const auto& n : {plainOld, plainNew, pinned, outage, future, expired})
        REQUIRE(notices->applyChange(n, {{"building", "b2"}}, 1).ok());

    auto shown = notices->current(500);
    REQUIRE(shown.ok());
    std::vector<std::string> ids;
    for (const auto& n : *shown) ids.push_back(n.id);
    CHECK(ids == std::vector<std::string>{"outage", "pinned", "plain-new", "plain-old"});

    // A retraction is a later revision; an older revision arriving late changes nothing.
    auto retraction = notice("plain-new", 2, 300);
    retraction.retracted = true;
    retraction.title.clear();
    auto applied = notices->applyChange(retraction, {}, 2);
    REQUIRE(applied.ok());
    CHECK(*applied);
    auto stale = notices->applyChange(notice("plain-new", 1, 300), {}, 3);
    REQUIRE(stale.ok());
    CHECK_FALSE(*stale);
    shown = notices->current(500);
    REQUIRE(shown.ok());
    CHECK(shown->size() == 3);
}

TEST_CASE("display records are kept until reported, in order", "[store][notices]") {
    StoreFixture f;
    auto notices = homedesk::store::testing::openNotices(f.dbPath);
    REQUIRE(notices.ok());
    REQUIRE(notices->recordDisplay({0, "outage", 2, 1000, 8000, "takeover"}).ok());
    REQUIRE(notices->recordDisplay({0, "plain", 1, 1010, 3000, "attract"}).ok());
    REQUIRE(notices->recordDisplay({0, "plain", 1, 1020, 1500, "detail"}).ok());
    auto pending = notices->unreportedDisplays(2);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 2);
    CHECK((*pending)[0].noticeId == "outage");
    CHECK((*pending)[0].shownMs == 8000);
    CHECK((*pending)[0].context == "takeover");
    REQUIRE(notices->markDisplaysReported((*pending)[1].id, 2000).ok());
    auto rest = notices->unreportedDisplays(10);
    REQUIRE(rest.ok());
    REQUIRE(rest->size() == 1);
    CHECK(rest->front().shownAt == 1020);
    // An unknown context is refused by the schema rather than stored.
    CHECK_FALSE(notices->recordDisplay({0, "plain", 1, 1030, 10, "screensaver"}).ok());
}

TEST_CASE("a survey response is queued in the outbox with its answers, once", "[store][surveys][outbox]") {
    StoreFixture f;
    auto surveys = homedesk::store::testing::openSurveys(f.dbPath);
    REQUIRE(surveys.ok());
    REQUIRE(surveys->saveDefinition({"standing", 1, "满意度评价", "Satisfaction", R"({"dimensions":["env"]})"}, 10).ok());
    REQUIRE(surveys->saveDefinition({"standing", 2, "满意度评价", "Satisfaction", R"({"dimensions":["env","repair"]})"}, 20).ok());
    auto latest = surveys->latest("standing");
    REQUIRE(latest.ok());
    REQUIRE(latest->has_value());
    CHECK((*latest)->version == 2);

    SurveyResponse r{"survey-000001", "standing", 2, std::string("R-000123"),
                     R"({"env":2,"repair":5,"why":["slow"]})", 500, std::string("52810034")};
    REQUIRE(surveys->submit(r).ok());
    REQUIRE(surveys->submit(r).ok());
    CHECK(f.rowsFor("survey_responses", "survey-000001") == 1);
    CHECK(f.rowsFor("outbox", "survey-000001") == 1);

    auto items = f.openOutbox().pending(10);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 1);
    CHECK(items->front().kind == "survey");
    const auto payload = nlohmann::json::parse(items->front().payloadJson);
    CHECK(payload.at("survey_version") == 2);
    CHECK(payload.at("ticket_number") == "R-000123");
    CHECK(payload.at("tracking_code") == "52810034");  // the callback's proof for the head office
    CHECK(payload.at("answers").at("env") == 2);

    auto outbox = f.openOutbox();
    REQUIRE(outbox.markDelivered("survey-000001", std::nullopt, 600).ok());
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    auto delivered = db->queryInt("SELECT delivered_at FROM survey_responses WHERE client_id = 'survey-000001'");
    REQUIRE(delivered.ok());
    CHECK(*delivered == 600);
}

TEST_CASE("survey answers that are not a JSON object, or for an unknown survey, are refused", "[store][surveys]") {
    StoreFixture f;
    auto surveys = homedesk::store::testing::openSurveys(f.dbPath);
    REQUIRE(surveys.ok());
    auto notJson = surveys->submit({"survey-000002", "standing", 1, std::nullopt, "{not json", 5});
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().kind == Error::Kind::InvalidInput);
    auto unknown = surveys->submit({"survey-000003", "nope", 9, std::nullopt, "{}", 5});
    REQUIRE_FALSE(unknown.ok());
    CHECK(f.rowsFor("outbox", "survey-000003") == 0);
}

TEST_CASE("a notice keeps its English translation across revisions, and the store counts what it holds", "[store][notices]") {
    StoreFixture f;
    {
        auto notices = homedesk::store::testing::openNotices(f.dbPath);
        REQUIRE(notices.ok());
        CHECK(notices->count().value() == 0);
        auto n = notice("bilingual", 1, 100);
        n.titleEn = "Water off";
        n.bodyEn = "No water from 8:00 to 18:00.";
        REQUIRE(notices->applyChange(n, {}, 100).value());
        n.revision = 2;
        n.titleEn = "Water off (changed)";
        REQUIRE(notices->applyChange(n, {}, 150).value());
        REQUIRE(notices->applyChange(notice("other", 1, 10), {}, 150).value());
        CHECK(notices->count().value() == 2);
    }
    auto reopened = homedesk::store::testing::openNotices(f.dbPath);  // a real file, read back by a new connection
    REQUIRE(reopened.ok());
    auto current = reopened->current(200);
    REQUIRE(current.ok());
    REQUIRE(current->size() == 2);
    CHECK(current->front().id == "bilingual");
    CHECK(current->front().titleEn == "Water off (changed)");
    CHECK(current->front().bodyEn == "No water from 8:00 to 18:00.");
    CHECK(current->back().titleEn.empty());
}

TEST_CASE("display records of the detail, the attract loop and the takeover are stored, others are refused", "[store][notices]") {
    StoreFixture f;
    auto notices = homedesk::store::testing::openNotices(f.dbPath);
    REQUIRE(notices.ok());
    for (const char* context : {"detail", "attract", "takeover"})
        REQUIRE(notices->recordDisplay({0, "n1", 3, 1000, 8000, context}).ok());
    CHECK_FALSE(notices->recordDisplay({0, "n1", 3, 1000, 0, "drawn"}).ok());
    auto unreported = notices->unreportedDisplays(10);
    REQUIRE(unreported.ok());
    REQUIRE(unreported->size() == 3);
    CHECK((*unreported)[1].context == "attract");
    CHECK((*unreported)[1].shownMs == 8000);
}
