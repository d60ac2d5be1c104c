// Bad input from the keyboard: long text, emoji, control characters, SQL metacharacters are
// stored and read back as typed; invalid UTF-8 bytes become U+FFFD; malformed ids are refused.
#include <nlohmann/json.hpp>

#include "kiosk/store/input_rules.hpp"
#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

namespace {

std::string roundTrip(StoreFixture& f, const std::string& id, const std::string& description) {
    auto store = f.openStore();
    NewTicket t = sampleTicket(id);
    t.description = description;
    auto receipt = store->submit(t);
    const std::string why = receipt ? std::string() : receipt.error().message;
    INFO(why);
    REQUIRE(receipt.ok());
    auto record = f.openStore()->ticket(id);
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    // The queued payload carries the same text, as valid JSON.
    auto items = f.openOutbox().pending(1000);
    REQUIRE(items.ok());
    bool queued = false;
    for (const auto& item : *items) {
        if (item.clientId != id) continue;
        queued = true;
        const auto payload = nlohmann::json::parse(item.payloadJson, nullptr, false);
        REQUIRE_FALSE(payload.is_discarded());
        CHECK(payload.at("description").get<std::string>() == (*record)->description);
    }
    CHECK(queued);
    return (*record)->description;
}

}  // namespace

TEST_CASE("a 10,000-character description is kept whole", "[store][input]") {
    StoreFixture f;
    std::string text;
    for (int i = 0; i < 10'000; ++i) text += (i % 2 == 0) ? "漏" : "x";
    CHECK(roundTrip(f, "long-000001", text) == text);
}

TEST_CASE("emoji and control characters are kept as typed", "[store][input]") {
    StoreFixture f;
    const std::string text = std::string("水管爆了 💧🚨👵🏽 tab\there\r\nbell\a nul") + std::string(1, '\0') + "end\x1b[31m";
    CHECK(roundTrip(f, "emoji-00001", text) == text);
}

TEST_CASE("SQL metacharacters are only text", "[store][input]") {
    StoreFixture f;
    const std::string text = "'); DROP TABLE tickets;-- \" OR 1=1; -- %_ \\ ;";
    CHECK(roundTrip(f, "sql-0000001", text) == text);
    auto db = Db::open(f.dbPath);
    REQUIRE(db.ok());
    auto tickets = db->queryInt("SELECT count(*) FROM tickets");
    REQUIRE(tickets.ok());
    CHECK(*tickets == 1);
}

TEST_CASE("invalid UTF-8 is stored with U+FFFD in place of each bad byte", "[store][input]") {
    StoreFixture f;
    const std::string bad = std::string("ok \xff\xfe mid \xe6\xb0 end \xc0\xaf");
    const std::string stored = roundTrip(f, "utf8-000001", bad);
    CHECK(stored == storableText(bad));
    CHECK(stored.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(stored.find("ok ") == 0);
    CHECK(stored.find(" mid ") != std::string::npos);
    CHECK(stored.find(" end ") != std::string::npos);
    CHECK(stored.find('\xff') == std::string::npos);
}

TEST_CASE("malformed client ids and phones are refused with a clear message, nothing stored", "[store][input]") {
    StoreFixture f;
    auto store = f.openStore();
    NewTicket badId = sampleTicket("x'); DROP TABLE outbox;--");
    auto refused = store->submit(badId);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.error().message.find("client id") != std::string::npos);

    NewTicket badPhone = sampleTicket("badphone-01");
    badPhone.phone = "138-1234-5678";
    auto phoneRefused = store->submit(badPhone);
    REQUIRE_FALSE(phoneRefused.ok());
    CHECK(phoneRefused.error().message.find("phone") != std::string::npos);
    // The refusal does not echo the number (logs never hold phone numbers).
    CHECK(phoneRefused.error().message.find("5678") == std::string::npos);
    CHECK(f.rowsFor("tickets", "badphone-01") == 0);

    NewTicket tooLong = sampleTicket("toolong-001");
    tooLong.description = std::string(kMaxTextBytes + 1, 'a');
    CHECK_FALSE(store->submit(tooLong).ok());
}
