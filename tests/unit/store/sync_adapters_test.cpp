// The store behind sync/client's Outbox and TicketStatusSink, on a real SQLite file.
#include "kiosk/store/sync_adapters.hpp"
#include "tests/unit/store/store_fixture.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("the sync engine gets queued items as wire submissions, phone included", "[store][sync]") {
    StoreFixture f;
    auto store = f.openStore();
    NewTicket complaint = sampleTicket("wire-000001", 77);
    complaint.kind = TicketKind::Complaint;
    complaint.toGeneralManager = true;
    REQUIRE(store->submit(complaint).ok());
    auto outbox = f.openOutbox();
    StoreOutbox adapter(outbox);
    auto pending = adapter.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    const auto& s = pending->front();
    CHECK(s.client_id == "wire-000001");
    CHECK(s.kind == protocol::SubmissionKind::Complaint);
    CHECK(s.created_at == 77);
    CHECK(s.payload.at("phone") == "13812345678");
    CHECK(s.payload.at("to_general_manager") == true);
    // The same bytes on every retry: the head office compares content hashes.
    auto again = adapter.pending(10);
    REQUIRE(again.ok());
    CHECK(protocol::contentHash(again->front()) == protocol::contentHash(s));

    auto stats = adapter.stats(std::time(nullptr) + 5);
    REQUIRE(stats.ok());
    CHECK(stats->depth == 1);
    REQUIRE(stats->oldest_age_s.has_value());
}

TEST_CASE("a rejected item leaves the queue and is kept, without the phone, for a person", "[store][sync]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("reject-00001")).ok());
    REQUIRE(store->submit(sampleTicket("reject-00002")).ok());
    auto outbox = f.openOutbox();
    StoreOutbox adapter(outbox);
    protocol::ProtocolError why;
    why.code = protocol::ErrorCode::Conflict;
    why.message = "same client_id, other content";
    REQUIRE(adapter.markRejected("reject-00001", why, 900).ok());

    auto pending = adapter.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().client_id == "reject-00002");
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    auto kept = db->prepare("SELECT error_code, error_message, payload FROM rejected_submissions WHERE client_id = 'reject-00001'");
    REQUIRE(kept.ok());
    auto row = kept->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    CHECK(kept->text(0) == std::string(protocol::wireName(protocol::ErrorCode::Conflict)));
    CHECK(kept->text(1) == "same client_id, other content");
    CHECK(kept->text(2).find("13812345678") == std::string::npos);
    auto empty = StoreOutbox(outbox).stats(0);
    REQUIRE(empty.ok());
    CHECK(empty->depth == 1);
}

TEST_CASE("a ticket status page and its cursor are stored together, other terminals' tickets are skipped", "[store][sync]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("page-000001", 100)).ok());
    auto outbox = f.openOutbox();
    StoreTicketSink sink(outbox);
    auto start = sink.ticketCursor();
    REQUIRE(start.ok());
    CHECK(start->empty());

    std::vector<protocol::TicketStatusChange> page(2);
    page[0] = {"R-000010", "page-000001", protocol::TicketState::Dispatched, "李师傅", 200};
    page[1] = {"R-000011", "elsewhere-01", protocol::TicketState::Accepted, "", 150};
    REQUIRE(sink.applyTicketPage(page, "cursor-7").ok());

    auto cursor = sink.ticketCursor();
    REQUIRE(cursor.ok());
    CHECK(*cursor == "cursor-7");
    auto found = store->findForTracking("R-000010", "5678");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    REQUIRE((*found)->history.size() == 2);
    CHECK((*found)->history[1].status == TicketStatus::Dispatched);
    CHECK((*found)->history[1].note == "李师傅");
}

TEST_CASE("a notice page and its cursor are stored together, and shown displays are reported once", "[store][sync]") {
    StoreFixture f;
    auto notices = homedesk::store::testing::openNotices(f.dbPath);
    REQUIRE(notices.ok());
    StoreNoticeSink sink(*notices);
    protocol::Notice outage;
    outage.id = "outage-1";
    outage.revision = 2;
    outage.title = "明日停水";
    outage.category = protocol::NoticeCategory::Outage;
    outage.emergency = true;
    outage.publish_at = 100;
    REQUIRE(sink.applyNoticePage({outage}, "n-cursor-3").ok());
    auto cursor = sink.noticeCursor();
    REQUIRE(cursor.ok());
    CHECK(*cursor == "n-cursor-3");
    auto shown = notices->current(200);
    REQUIRE(shown.ok());
    REQUIRE(shown->size() == 1);
    CHECK(shown->front().category == "outage");
    CHECK(shown->front().emergency);

    auto pushThread = homedesk::store::testing::openNotices(f.dbPath);  // the display log lives on another thread
    REQUIRE(pushThread.ok());
    REQUIRE(notices->recordDisplay({0, "outage-1", 2, 300, 12'500, "takeover"}).ok());
    StoreDisplayLog log(*pushThread);
    auto unreported = log.unreported(10);
    REQUIRE(unreported.ok());
    REQUIRE(unreported->size() == 1);
    CHECK(unreported->front().shown_for_s == 12);
    REQUIRE(log.reported(*unreported).ok());
    auto after = log.unreported(10);
    REQUIRE(after.ok());
    CHECK(after->empty());
}

TEST_CASE("a notice's English lands in the English columns, and a revision without English clears it",
          "[store][sync]") {
    StoreFixture f;
    auto notices = homedesk::store::testing::openNotices(f.dbPath);
    REQUIRE(notices.ok());
    StoreNoticeSink sink(*notices);
    protocol::Notice n;
    n.id = "n5";
    n.revision = 1;
    n.title = "电梯检修";
    n.body = "周三 9:00-11:00";
    n.title_en = "Lift maintenance";
    n.body_en = "Wednesday 9:00-11:00";
    n.publish_at = 100;
    REQUIRE(sink.applyNoticePage({n}, "1").ok());
    auto shown = notices->current(200);
    REQUIRE(shown.ok());
    REQUIRE(shown->size() == 1);
    CHECK(shown->front().titleEn == "Lift maintenance");
    CHECK(shown->front().bodyEn == "Wednesday 9:00-11:00");

    // The office rewords the notice and has no translation yet: the old English must go.
    n.revision = 2;
    n.title = "电梯检修（改期）";
    n.title_en.reset();
    n.body_en.reset();
    REQUIRE(sink.applyNoticePage({n}, "2").ok());
    shown = notices->current(200);
    REQUIRE(shown.ok());
    REQUIRE(shown->size() == 1);
    CHECK(shown->front().title == "电梯检修（改期）");
    CHECK(shown->front().titleEn.empty());
    CHECK(shown->front().bodyEn.empty());

    // A replayed older page (crash before the cursor was saved) does not bring it back.
    n.revision = 1;
    n.title_en = "Lift maintenance";
    REQUIRE(sink.applyNoticePage({n}, "2").ok());
    shown = notices->current(200);
    REQUIRE(shown.ok());
    CHECK(shown->front().titleEn.empty());
}

TEST_CASE("a batch's answers are settled together: delivered, refused and to-retry in one commit", "[store][sync]") {
    StoreFixture f;
    auto store = f.openStore();
    for (const char* id : {"settle-00001", "settle-00002", "settle-00003", "settle-00004"})
        REQUIRE(store->submit(sampleTicket(id)).ok());
    auto outbox = f.openOutbox();
    StoreOutbox adapter(outbox);
    protocol::ProtocolError conflict{protocol::ErrorCode::Conflict, "same client_id, other content"};
    protocol::ProtocolError busy{protocol::ErrorCode::ServerError, "try again"};
    using K = sync::Outbox::Outcome::Kind;
    REQUIRE(adapter.settle({{K::Delivered, "settle-00001", std::string("R-000201"), {}},
                            {K::Rejected, "settle-00002", std::nullopt, conflict},
                            {K::Failed, "settle-00003", std::nullopt, busy},
                            {K::Delivered, "settle-00004", std::string("R-000202"), {}}},
                           950)
                .ok());
    // Only the one to retry is left, in place, with its attempt counted.
    auto pending = outbox.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().clientId == "settle-00003");
    CHECK(pending->front().attempts == 1);
    CHECK(pending->front().lastError == std::optional<std::string>("try again"));
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    auto numbered = db->queryInt("SELECT count(*) FROM tickets WHERE ticket_number IN ('R-000201', 'R-000202') AND delivered_at = 950");
    REQUIRE(numbered.ok());
    CHECK(*numbered == 2);
    auto kept = db->queryInt("SELECT count(*) FROM rejected_submissions WHERE client_id = 'settle-00002'");
    REQUIRE(kept.ok());
    CHECK(*kept == 1);
    // Settling an item again (a resent answer) changes nothing.
    REQUIRE(adapter.settle({{K::Delivered, "settle-00001", std::string("R-000201"), {}}}, 990).ok());
    auto still = db->queryInt("SELECT count(*) FROM tickets WHERE client_id = 'settle-00001' AND delivered_at = 950");
    REQUIRE(still.ok());
    CHECK(*still == 1);
}
