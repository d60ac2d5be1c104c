// Tracking by ticket number or tracking code plus the phone's last four digits, and "me too".
#include "kiosk/store/tracking_code.hpp"

#include <set>
#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("tracking codes are eight digits, stable for a client id", "[store][tracking]") {
    const std::string code = trackingCodeFor("some-client-id-1");
    CHECK(code.size() == 8);
    CHECK(code == trackingCodeFor("some-client-id-1"));
    CHECK(code != trackingCodeFor("some-client-id-2"));
    CHECK(code != trackingCodeFor("some-client-id-1", 1));
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::string c = trackingCodeFor("id-" + std::to_string(i));
        CHECK(c.size() == kTrackingCodeLength);
        CHECK(c.find_first_not_of("0123456789") == std::string::npos);
        seen.insert(c);
    }
    CHECK(seen.size() >= 1995);  // 10^8 codes: collisions are rare, and handled below
}

TEST_CASE("typed numbers are normalized, a head-office number is matched by its digits", "[store][tracking]") {
    CHECK(normalizeTrackingInput(" 1234-5678 ") == std::optional<std::string>("12345678"));
    CHECK(normalizeTrackingInput("r-000123") == std::optional<std::string>("R000123"));
    CHECK_FALSE(normalizeTrackingInput(" - "));
    CHECK_FALSE(normalizeTrackingInput("12\x01" "34"));
    CHECK_FALSE(normalizeTrackingInput("工单"));
    CHECK(numberDigits("R-000123") == "123");
    CHECK(numberDigits("000123") == "123");
    CHECK(numberDigits("0000") == "");
}

TEST_CASE("a delivered ticket is found by the head office's number typed on the keypad", "[store][tracking]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("hq-number-01")).ok());
    REQUIRE(store->submit(sampleTicket("hq-number-02")).ok());
    auto outbox = f.openOutbox();
    REQUIRE(outbox.markDelivered("hq-number-01", std::string("R-000123"), 1'700'000'100).ok());
    REQUIRE(outbox.markDelivered("hq-number-02", std::string("C-000124"), 1'700'000'100).ok());
    for (const char* typed : {"R-000123", "r000123", "000123", "123", "0-000123"}) {
        INFO(typed);
        auto found = store->findForTracking(typed, "5678");
        REQUIRE(found.ok());
        REQUIRE(found->has_value());
        CHECK((*found)->clientId == "hq-number-01");
        CHECK((*found)->ticketNumber == std::optional<std::string>("R-000123"));
    }
    auto other = store->findForTracking("124", "5678");
    REQUIRE(other.ok());
    REQUIRE(other->has_value());
    CHECK((*other)->clientId == "hq-number-02");
    CHECK_FALSE(store->findForTracking("000125", "5678")->has_value());
    CHECK_FALSE(store->findForTracking("123", "5679")->has_value());
    // Bad input is an input error, never a crash or a match.
    CHECK_FALSE(store->findForTracking(std::string(10000, '1'), "5678").ok());
    CHECK_FALSE(store->findForTracking("12\x01" "3", "5678").ok());
    CHECK_FALSE(store->findForTracking("\xff\xfe", "5678").ok());
}

TEST_CASE("a ticket is found by its tracking code and the last four digits", "[store][tracking]") {
    StoreFixture f;
    auto store = f.openStore();
    auto receipt = store->submit(sampleTicket("track-00001"));
    REQUIRE(receipt.ok());

    const std::string typed = receipt->trackingCode;
    auto found = store->findForTracking(" " + typed.substr(0, 4) + "-" + typed.substr(4) + " ", "5678");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->clientId == "track-00001");
    CHECK((*found)->phoneLast4 == "5678");
    CHECK((*found)->promisedBy == receipt->promisedBy);
    CHECK((*found)->trackingCode == receipt->trackingCode);
    CHECK((*found)->status == TicketStatus::Submitted);

    auto wrongPhone = store->findForTracking(receipt->trackingCode, "0000");
    REQUIRE(wrongPhone.ok());
    CHECK_FALSE(wrongPhone->has_value());

    auto notDigits = store->findForTracking(receipt->trackingCode, "56a8");
    REQUIRE_FALSE(notDigits.ok());
    CHECK(notDigits.error().kind == Error::Kind::InvalidInput);
}

TEST_CASE("colliding tracking codes get another code, never a failed submission", "[store][tracking]") {
    StoreFixture f;
    auto store = f.openStore();
    // Take the code the next ticket would get.
    REQUIRE(store->db().exec("INSERT INTO tickets (client_id, tracking_code, kind, category, location_kind, "
                             "urgency, description, status, created_at, promised_by) VALUES ('squatter-01', '" +
                             trackingCodeFor("collide-0001") +
                             "', 'repair', 'other', 'home', 'normal', '', 'submitted', 1, 2)")
                .ok());
    auto receipt = store->submit(sampleTicket("collide-0001"));
    REQUIRE(receipt.ok());
    CHECK(receipt->trackingCode == trackingCodeFor("collide-0001", 1));
}

TEST_CASE("me too: a co-report joins the open ticket instead of making another", "[store][metoo]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("first-00001", 1000)).ok());
    auto open = store->openTicketsAt("b2-elevator-2");
    REQUIRE(open.ok());
    REQUIRE(open->size() == 1);

    NewTicket meToo = sampleTicket("second-0001", 1200);
    meToo.phone = "13700001111";
    meToo.coReportOf = open->front().clientId;
    auto receipt = store->submit(meToo);
    REQUIRE(receipt.ok());
    CHECK(receipt->promisedBy == open->front().promisedBy);

    auto stillOne = store->openTicketsAt("b2-elevator-2");
    REQUIRE(stillOne.ok());
    CHECK(stillOne->size() == 1);
    CHECK(f.rowsFor("tickets", "second-0001") == 0);
    CHECK(f.rowsFor("co_reports", "second-0001") == 1);
    CHECK(f.rowsFor("outbox", "second-0001") == 1);

    // The co-reporter follows the ticket with their own phone's last four digits.
    auto followed = store->findForTracking(receipt->trackingCode, "1111");
    REQUIRE(followed.ok());
    REQUIRE(followed->has_value());
    CHECK((*followed)->clientId == "first-00001");

    auto outbox = f.openOutbox();
    auto items = outbox.pending(10);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 2);
    CHECK(items->back().payloadJson.find("\"co_report_of\":\"first-00001\"") != std::string::npos);
}

TEST_CASE("open tickets at a place come newest first and only for that place", "[store][metoo]") {
    StoreFixture f;
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("place-00001", 100)).ok());
    REQUIRE(store->submit(sampleTicket("place-00002", 300)).ok());
    NewTicket elsewhere = sampleTicket("place-00003", 200);
    elsewhere.location.placeId = "b3-lobby";
    REQUIRE(store->submit(elsewhere).ok());
    NewTicket home = sampleTicket("place-00004", 400);
    home.location.kind = TicketLocation::Kind::Home;
    home.location.unit = "2单元 1203";
    home.location.placeId.clear();
    REQUIRE(store->submit(home).ok());

    auto open = store->openTicketsAt("b2-elevator-2");
    REQUIRE(open.ok());
    REQUIRE(open->size() == 2);
    CHECK((*open)[0].clientId == "place-00002");
    CHECK((*open)[1].clientId == "place-00001");
    CHECK((*open)[0].history.size() == 1);
}
