// The submission transaction: ticket, first status and outbox item commit together, and a
// failure at any step leaves none of them (a do_faultsim_test-style sweep over every step).
#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("submit commits the ticket, its Submitted status and its outbox item together", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    auto receipt = store->submit(sampleTicket("together-0001", 1'700'000'000));
    REQUIRE(receipt.ok());
    CHECK(receipt->clientId == "together-0001");
    CHECK(receipt->trackingCode.size() == 8);
    CHECK_FALSE(receipt->delivered);
    CHECK(receipt->promisedBy == 1'700'000'000 + 30 * 60);

    // Read through other connections: what submit() acknowledged is committed, not just cached.
    CHECK(f.rowsFor("tickets", "together-0001") == 1);
    CHECK(f.rowsFor("ticket_status_history", "together-0001") == 1);
    CHECK(f.rowsFor("outbox", "together-0001") == 1);
    auto record = f.openStore()->ticket("together-0001");
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    REQUIRE((*record)->history.size() == 1);
    CHECK((*record)->history[0].status == TicketStatus::Submitted);
    CHECK((*record)->history[0].at == 1'700'000'000);
}

TEST_CASE("a normal repair is promised within 24 hours", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    NewTicket t = sampleTicket("normal-00001", 5000);
    t.urgency = Urgency::Normal;
    auto receipt = store->submit(t);
    REQUIRE(receipt.ok());
    CHECK(receipt->promisedBy == 5000 + 24 * 3600);
}

TEST_CASE("the same confirmation submitted twice makes one ticket and answers the same receipt", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    auto first = store->submit(sampleTicket("twice-000001"));
    auto second = store->submit(sampleTicket("twice-000001"));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first->trackingCode == second->trackingCode);
    CHECK(f.rowsFor("tickets", "twice-000001") == 1);
    CHECK(f.rowsFor("outbox", "twice-000001") == 1);
}

TEST_CASE("a failure at any step of submit leaves nothing half-written", "[store][outbox][fault]") {
    StoreFixture f;
    auto store = f.openStore();
    int failures = 0;
    bool succeeded = false;
    for (int n = 1; n < 100 && !succeeded; ++n) {
        const std::string id = "fault-" + std::to_string(1000 + n);
        store->db().failOperationAfter(n);
        auto receipt = store->submit(sampleTicket(id));
        const bool fired = store->db().faultFired();
        store->db().failOperationAfter(0);
        if (receipt.ok()) {
            // The sweep is done once step n is past the last one submit() takes.
            CHECK_FALSE(fired);
            succeeded = true;
            CHECK(f.rowsFor("tickets", id) == 1);
            CHECK(f.rowsFor("ticket_status_history", id) == 1);
            CHECK(f.rowsFor("outbox", id) == 1);
            continue;
        }
        INFO("fault at step " << n << ": " << receipt.error().message);
        ++failures;
        CHECK(fired);
        CHECK(receipt.error().kind == Error::Kind::Io);
        CHECK(f.rowsFor("tickets", id) == 0);
        CHECK(f.rowsFor("ticket_status_history", id) == 0);
        CHECK(f.rowsFor("outbox", id) == 0);
        // The connection is usable again: the resident's retry goes through.
        auto retry = store->submit(sampleTicket(id));
        REQUIRE(retry.ok());
        CHECK(f.rowsFor("tickets", id) == 1);
        CHECK(f.rowsFor("outbox", id) == 1);
    }
    CHECK(succeeded);
    CHECK(failures >= 5);  // begin, lookups, three inserts, status update, commit
}

TEST_CASE("a failure at any step of a co-report leaves nothing half-written", "[store][outbox][fault]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("joined-00001")).ok());
    bool succeeded = false;
    for (int n = 1; n < 100 && !succeeded; ++n) {
        NewTicket meToo = sampleTicket("metoo-" + std::to_string(1000 + n));
        meToo.coReportOf = "joined-00001";
        store->db().failOperationAfter(n);
        auto receipt = store->submit(meToo);
        store->db().failOperationAfter(0);
        const std::int64_t reports = f.rowsFor("co_reports", meToo.clientId);
        const std::int64_t queued = f.rowsFor("outbox", meToo.clientId);
        CHECK(reports == queued);
        CHECK(reports == (receipt.ok() ? 1 : 0));
        succeeded = receipt.ok();
    }
    CHECK(succeeded);
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    auto counted = db->queryInt("SELECT co_reporters FROM tickets WHERE client_id = 'joined-00001'");
    REQUIRE(counted.ok());
    CHECK(*counted == 1);  // the failed attempts rolled their count back
}
