// Tracking by ticket number or tracking code plus the phone's last four digits, and "me too".
#include "kiosk/store/tracking_code.hpp"
#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("tracking codes are six unambiguous characters, stable for a client id", "[store][tracking]") {
    const std::string code = trackingCodeFor("some-client-id-1");
    CHECK(code.size() == kTrackingCodeLength);
    CHECK(code == trackingCodeFor("some-client-id-1"));
    CHECK(code != trackingCodeFor("some-client-id-2"));
    CHECK(code != trackingCodeFor("some-client-id-1", 1));
    for (int i = 0; i < 500; ++i)
        for (char c : trackingCodeFor("id-" + std::to_string(i)))
            CHECK(std::string("0O1IL").find(c) == std::string::npos);
}

TEST_CASE("a ticket is found by its tracking code and the last four digits", "[store][tracking]") {
    StoreFixture f;
    auto store = f.openStore();
    auto receipt = store->submit(sampleTicket("track-00001"));
    REQUIRE(receipt.ok());

    std::string typed = receipt->trackingCode;
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto found = store->findForTracking(" " + typed.substr(0, 3) + " " + typed.substr(3) + " ", "5678");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->clientId == "track-00001");
    CHECK((*found)->phoneLast4 == "5678");
    CHECK((*found)->promisedBy == receipt->promisedBy);

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
