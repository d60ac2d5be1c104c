// The sync side: pending items in order with their attempts, failures, queue figures, and the
// head office's status changes in the ticket's history.
#include <ctime>

#include <nlohmann/json.hpp>

#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("pending items come oldest first, limited, with what the wire needs", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    for (int i = 0; i < 5; ++i) REQUIRE(store->submit(sampleTicket("order-" + std::to_string(10000 + i), 100 + i)).ok());
    auto outbox = f.openOutbox();
    auto items = outbox.pending(3);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 3);
    for (int i = 0; i < 3; ++i) {
        const auto& item = (*items)[static_cast<size_t>(i)];
        CHECK(item.clientId == "order-" + std::to_string(10000 + i));
        CHECK(item.kind == "repair");
        CHECK(item.createdAt == 100 + i);
        CHECK(item.attempts == 0);
        CHECK_FALSE(item.lastError.has_value());
        const auto payload = nlohmann::json::parse(item.payloadJson);
        CHECK(payload.at("category") == "elevator");
        CHECK(payload.at("urgency") == "urgent");
        CHECK(payload.at("location").at("place_id") == "b2-elevator-2");
        CHECK(payload.at("tracking_code").get<std::string>().size() == 8);
    }
    CHECK((*items)[0].seq < (*items)[1].seq);
    // Reading again gives the same items: pending() does not consume.
    auto again = outbox.pending(3);
    REQUIRE(again.ok());
    CHECK(again->front().clientId == "order-10000");
}

TEST_CASE("a failed attempt keeps the item in place with its count and reason", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("fail-000001", 10)).ok());
    REQUIRE(store->submit(sampleTicket("fail-000002", 20)).ok());
    auto outbox = f.openOutbox();
    REQUIRE(outbox.recordFailure("fail-000001", "connect timeout", 1000).ok());
    REQUIRE(outbox.recordFailure("fail-000001", "HTTP 503", 1060).ok());
    auto items = outbox.pending(10);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 2);
    CHECK(items->front().clientId == "fail-000001");
    CHECK(items->front().attempts == 2);
    CHECK(items->front().lastError == std::optional<std::string>("HTTP 503"));
    CHECK((*items)[1].attempts == 0);
}

TEST_CASE("queue depth and the oldest item's age", "[store][outbox]") {
    StoreFixture f;
    auto outbox = f.openOutbox();
    auto empty = outbox.stats(std::time(nullptr));
    REQUIRE(empty.ok());
    CHECK(empty->depth == 0);
    CHECK(empty->oldestAgeSeconds == 0);

    auto store = f.openStore();
    const std::int64_t before = std::time(nullptr);
    for (int i = 0; i < 4; ++i) REQUIRE(store->submit(sampleTicket("depth-" + std::to_string(10000 + i))).ok());
    auto stats = outbox.stats(before + 600);
    REQUIRE(stats.ok());
    CHECK(stats->depth == 4);
    CHECK(stats->oldestAgeSeconds >= 595);
    CHECK(stats->oldestAgeSeconds <= 600);

    REQUIRE(outbox.markDelivered("depth-10000", std::string("R-000001"), before).ok());
    REQUIRE(outbox.markDelivered("depth-10000", std::string("R-000001"), before).ok());  // a resend's answer
    auto after = outbox.stats(before + 600);
    REQUIRE(after.ok());
    CHECK(after->depth == 3);
}

TEST_CASE("status changes from the head office build the history in time order", "[store][status]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("history-0001", 1000)).ok());
    auto outbox = f.openOutbox();
    REQUIRE(outbox.markDelivered("history-0001", std::string("R-000777"), 1010).ok());

    // Feeds may deliver out of order and replay: the history is by time, each event once.
    REQUIRE(outbox.applyStatusChange({"R-000777", "history-0001", TicketStatus::Dispatched, "王师傅 15:00", 1300}).ok());
    REQUIRE(outbox.applyStatusChange({"R-000777", "history-0001", TicketStatus::Accepted, "", 1100}).ok());
    REQUIRE(outbox.applyStatusChange({"R-000777", "history-0001", TicketStatus::Dispatched, "王师傅 15:00", 1300}).ok());
    REQUIRE(outbox.applyStatusChange({"R-000777", "", TicketStatus::InProgress, "", 1500}).ok());

    auto record = store->findForTracking("R-000777", "5678");
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    const auto& history = (*record)->history;
    REQUIRE(history.size() == 4);
    CHECK(history[0].status == TicketStatus::Submitted);
    CHECK(history[1].status == TicketStatus::Accepted);
    CHECK(history[2].status == TicketStatus::Dispatched);
    CHECK(history[2].note == "王师傅 15:00");
    CHECK(history[3].status == TicketStatus::InProgress);
    for (size_t i = 1; i < history.size(); ++i) CHECK(history[i - 1].at <= history[i].at);

    // Resolved leaves the "me too" list of its place.
    auto open = store->openTicketsAt("b2-elevator-2");
    REQUIRE(open.ok());
    CHECK(open->size() == 1);
    REQUIRE(outbox.applyStatusChange({"R-000777", "", TicketStatus::Resolved, "", 1600}).ok());
    open = store->openTicketsAt("b2-elevator-2");
    REQUIRE(open.ok());
    CHECK(open->empty());
}

TEST_CASE("a status change for a ticket this terminal did not file is NotFound", "[store][status]") {
    StoreFixture f;
    auto outbox = f.openOutbox();
    auto applied = outbox.applyStatusChange({"R-999999", "not-ours-0001", TicketStatus::Accepted, "", 5});
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().kind == Error::Kind::NotFound);
}

TEST_CASE("a receipt's submission reads as delivered once the head office has it, co-reports too", "[store][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    auto outbox = f.openOutbox();
    REQUIRE(store->submit(sampleTicket("ticket-0001")).ok());
    NewTicket metoo = sampleTicket("metoo-00001");
    metoo.coReportOf = "R-000007";
    REQUIRE(store->submit(metoo).ok());
    for (const char* id : {"ticket-0001", "metoo-00001", "unknown-0001"}) {
        INFO(id);
        auto delivered = store->delivered(id);
        REQUIRE(delivered.ok());
        CHECK_FALSE(delivered.value());
    }
    REQUIRE(outbox.markDelivered("ticket-0001", std::string("R-000008"), 1'700'000'100).ok());
    CHECK(store->delivered("ticket-0001").value());
    CHECK_FALSE(store->delivered("metoo-00001").value());
    REQUIRE(outbox.markDelivered("metoo-00001", std::nullopt, 1'700'000'101).ok());
    CHECK(store->delivered("metoo-00001").value());
    // Refused for good is not delivered.
    REQUIRE(store->submit(sampleTicket("ticket-0002")).ok());
    REQUIRE(outbox.markRejected("ticket-0002", "conflict", "same id, other content", 1'700'000'102).ok());
    CHECK_FALSE(store->delivered("ticket-0002").value());
}
