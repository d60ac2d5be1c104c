// Schema migrations: a database made at every earlier version, with data in it, migrates to the
// latest and keeps its data.
#include <string>

#include "kiosk/store/migrations.hpp"
#include "tests/unit/store/store_fixture.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

namespace {

void execOk(Db& db, const std::string& sql) {
    auto done = db.exec(sql);
    const std::string why = done ? std::string() : done.error().message;
    INFO(why);
    REQUIRE(done.ok());
}

std::int64_t count(Db& db, const std::string& sql) {
    auto n = db.queryInt(sql);
    REQUIRE(n.ok());
    return *n;
}

// Rows as a program at `version` would have written them, in that version's schema.
void fillVersion(Db& db, int version) {
    if (version >= 1) {
        execOk(db, R"sql(
INSERT INTO communities (id, name, name_en) VALUES ('c1', '翠湖花园', 'Cuihu Garden');
INSERT INTO buildings (id, community_id, name) VALUES ('b2', 'c1', '2号楼');
INSERT INTO places (id, building_id, name) VALUES ('b2-elevator-2', 'b2', '电梯 2号');
INSERT INTO categories (id, domain, name) VALUES ('elevator', 'repair', '电梯');
INSERT INTO stewards (id, building_id, name, work_phone) VALUES ('s1', 'b2', '王管家', '0571-8888');
INSERT INTO service_promises (id, domain, urgency, respond_seconds) VALUES ('urgent', 'repair', 'urgent', 1800);
INSERT INTO tickets (client_id, ticket_number, tracking_code, kind, category, location_kind, building_id,
  place_id, urgency, description, phone_last4, status, created_at, promised_by)
  VALUES ('legacy-ticket-1', NULL, 'ABCDEF', 'repair', 'elevator', 'public', 'b2', 'b2-elevator-2',
  'urgent', '老版本的工单', '5678', 'accepted', 1000, 2800);
INSERT INTO ticket_status_history (client_id, status, at, source) VALUES ('legacy-ticket-1', 'submitted', 1000, 'terminal');
INSERT INTO ticket_status_history (client_id, status, at, source) VALUES ('legacy-ticket-1', 'accepted', 1200, 'hq');
INSERT INTO survey_definitions (id, version, title, definition, received_at) VALUES ('standing', 1, '满意度', '{"dimensions":[]}', 900);
INSERT INTO survey_responses (client_id, survey_id, survey_version, answers, created_at) VALUES ('legacy-survey-1', 'standing', 1, '{"env":5}', 1100);
INSERT INTO notices (id, revision, title, body, category, emergency, publish_at, received_at) VALUES ('n1', 3, '停水通知', '明日停水', 'outage', 1, 900, 950);
INSERT INTO notice_targets (notice_id, target_kind, target_id) VALUES ('n1', 'building', 'b2');
INSERT INTO outbox (client_id, kind, created_at, payload, queued_at) VALUES ('legacy-ticket-1', 'repair', 1000, '{"category":"elevator"}', 1000);
INSERT INTO sync_cursors (feed, cursor) VALUES ('notices', 'cursor-42');
)sql");
    }
    if (version >= 2) {
        execOk(db, "INSERT INTO notice_displays (notice_id, revision, shown_at, shown_ms, context) "
                   "VALUES ('n1', 3, 960, 8000, 'takeover')");
    }
    if (version >= 3) {
        execOk(db, "INSERT INTO co_reports (client_id, ticket_ref, place_id, phone_last4, created_at) "
                   "VALUES ('legacy-metoo-1', 'legacy-ticket-1', 'b2-elevator-2', '1111', 1300)");
        execOk(db, "UPDATE tickets SET co_reporters = 1 WHERE client_id = 'legacy-ticket-1'");
    }
}

void checkVersion1Data(StoreFixture& f) {
    auto store = f.openStore();  // migrates to the latest
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    CHECK(count(*db, "SELECT count(*) FROM communities WHERE name = '翠湖花园'") == 1);
    CHECK(count(*db, "SELECT count(*) FROM places WHERE building_id = 'b2'") == 1);
    CHECK(count(*db, "SELECT count(*) FROM stewards") == 1);
    CHECK(count(*db, "SELECT respond_seconds FROM service_promises WHERE id = 'urgent'") == 1800);
    CHECK(count(*db, "SELECT count(*) FROM survey_responses WHERE survey_version = 1") == 1);
    CHECK(count(*db, "SELECT revision FROM notices WHERE id = 'n1'") == 3);
    CHECK(count(*db, "SELECT count(*) FROM notice_targets") == 1);
    CHECK(count(*db, "SELECT count(*) FROM sync_cursors WHERE cursor = 'cursor-42'") == 1);

    auto found = store->findForTracking("abcdef", "5678");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->description == "老版本的工单");
    REQUIRE((*found)->history.size() == 2);
    CHECK((*found)->history[1].status == TicketStatus::Accepted);

    auto outbox = f.openOutbox();
    auto items = outbox.pending(10);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 1);
    CHECK(items->front().clientId == "legacy-ticket-1");
    CHECK(items->front().payloadJson == R"({"category":"elevator"})");
}

}  // namespace

TEST_CASE("a new database is created at the latest schema version", "[store][migrations]") {
    StoreFixture f;
    auto store = f.openStore();
    auto version = schemaVersion(store->db());
    REQUIRE(version.ok());
    CHECK(*version == latestSchemaVersion());
    CHECK(latestSchemaVersion() >= 4);
}

TEST_CASE("migrations keep the data of every earlier schema version", "[store][migrations]") {
    for (int from = 1; from < latestSchemaVersion(); ++from) {
        DYNAMIC_SECTION("from version " << from) {
            StoreFixture f;
            {
                auto db = Db::open(f.dbPath);
                REQUIRE(db.ok());
                REQUIRE(migrate(*db, from).ok());
                auto version = schemaVersion(*db);
                REQUIRE(version.ok());
                REQUIRE(*version == from);
                fillVersion(*db, from);
            }
            checkVersion1Data(f);  // opening the store migrates to the latest
            auto db = Db::open(f.dbPath);
            REQUIRE(db.ok());
            auto version = schemaVersion(*db);
            REQUIRE(version.ok());
            CHECK(*version == latestSchemaVersion());
            // A co-reporter of version 3 still follows the ticket with their own last four digits.
            auto followed = f.openStore()->findForTracking("ABCDEF", "1111");
            REQUIRE(followed.ok());
            CHECK(followed->has_value() == (from >= 3));
            if (from >= 2) {
                CHECK(count(*db, "SELECT shown_ms FROM notice_displays WHERE notice_id = 'n1' AND revision = 3") == 8000);
            }
            // The migrated database takes new submissions, co-reports included.
            auto store = f.openStore();
            REQUIRE(store->submit(sampleTicket("after-migration-1")).ok());
            NewTicket meToo = sampleTicket("after-migration-2");
            meToo.coReportOf = "legacy-ticket-1";
            REQUIRE(store->submit(meToo).ok());
            CHECK(count(*db, "SELECT co_reporters FROM tickets WHERE client_id = 'legacy-ticket-1'") == (from >= 3 ? 2 : 1));
        }
    }
}

TEST_CASE("each migration step runs in one transaction and a failed step leaves the version", "[store][migrations]") {
    StoreFixture f;
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    REQUIRE(migrate(*db, 1).ok());
    // A table the version-2 step is about to create makes that step fail half-way.
    execOk(*db, "CREATE TABLE notice_displays (x INTEGER)");
    CHECK_FALSE(migrate(*db).ok());
    auto version = schemaVersion(*db);
    REQUIRE(version.ok());
    CHECK(*version == 1);
    CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'notice_displays_unreported'") == 0);
}

TEST_CASE("a database from a newer program is refused, not guessed at", "[store][migrations]") {
    StoreFixture f;
    {
        auto db = Db::open(f.dbPath);
        REQUIRE(db.ok());
        REQUIRE(migrate(*db).ok());
        execOk(*db, "PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1));
    }
    auto store = homedesk::store::testing::openTickets(f.dbPath, f.keyPath);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.find("newer") != std::string::npos);
}
