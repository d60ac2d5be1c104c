// Phone numbers at rest: never in the database files in clear, the key file outside the
// database at 0600, bad key files refused, and the phone gone once the head office has it.
#include <sys/stat.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/unit/store/store_fixture.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

namespace {

const std::string kPhone = "13987654321";

std::string allDatabaseBytes(const StoreFixture& f) {
    return readBytes(f.dbPath) + readBytes(f.dbPath + "-wal") + readBytes(f.dbPath + "-shm") +
           readBytes(f.dbPath + "-journal");
}

}  // namespace

TEST_CASE("the phone number is not in the database files in clear", "[store][privacy]") {
    StoreFixture f;
    auto store = f.openStore();
    for (int i = 0; i < 20; ++i) {
        NewTicket t = sampleTicket("clear-" + std::to_string(10000 + i));
        t.phone = kPhone;
        REQUIRE(store->submit(t).ok());
    }
    // The WAL holds the commits now; the check covers it and, after a checkpoint, the main file.
    const std::string before = allDatabaseBytes(f);
    REQUIRE(before.size() > 4096);
    CHECK(before.find(kPhone) == std::string::npos);
    CHECK(before.find("8765432") == std::string::npos);
    REQUIRE(store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    CHECK(readBytes(f.dbPath).find(kPhone) == std::string::npos);

    // Only the last four digits are in clear, for tracking.
    auto record = store->ticket("clear-10000");
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    CHECK((*record)->phoneLast4 == "4321");
}

TEST_CASE("the phone comes back only through the key, in the payload that is sent", "[store][privacy]") {
    StoreFixture f;
    auto store = f.openStore();
    NewTicket t = sampleTicket("sealed-00001");
    t.phone = kPhone;
    REQUIRE(store->submit(t).ok());
    auto outbox = f.openOutbox();
    auto items = outbox.pending(5);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 1);
    const auto payload = nlohmann::json::parse(items->front().payloadJson);
    CHECK(payload.at("phone") == kPhone);

    // Another key cannot open it: the key file is the secret, not the database.
    std::filesystem::remove(f.keyPath);
    auto otherKey = homedesk::store::testing::openOutbox(f.dbPath, f.keyPath);
    REQUIRE(otherKey.ok());
    auto unreadable = otherKey->pending(5);
    REQUIRE_FALSE(unreadable.ok());
    CHECK(unreadable.error().message.find("key") != std::string::npos);
}

TEST_CASE("the key file is created outside the database with mode 0600", "[store][privacy]") {
    StoreFixture f;
    REQUIRE_FALSE(std::filesystem::exists(f.keyPath));
    f.openStore();
    struct stat st {};
    REQUIRE(::stat(f.keyPath.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    // The database does not contain the key.
    const std::string key = readBytes(f.keyPath);
    REQUIRE(key.size() == 32);
    auto store = f.openStore();
    REQUIRE(store->submit(sampleTicket("keycheck-001")).ok());
    CHECK(allDatabaseBytes(f).find(key) == std::string::npos);
}

TEST_CASE("a group or world readable key file is refused with a clear error", "[store][privacy]") {
    StoreFixture f;
    f.openStore();
    for (mode_t mode : {0640, 0604, 0644, 0660}) {
        DYNAMIC_SECTION("mode " << std::oct << mode) {
            REQUIRE(::chmod(f.keyPath.c_str(), mode) == 0);
            auto store = homedesk::store::testing::openTickets(f.dbPath, f.keyPath);
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().message.find("chmod 600") != std::string::npos);
            CHECK(store.error().message.find(f.keyPath) != std::string::npos);
            REQUIRE(::chmod(f.keyPath.c_str(), 0600) == 0);
            CHECK(homedesk::store::testing::openTickets(f.dbPath, f.keyPath).ok());
        }
    }
}

TEST_CASE("a key file of the wrong size is refused", "[store][privacy]") {
    StoreFixture f;
    for (size_t size : {0u, 16u, 31u, 33u, 64u}) {
        DYNAMIC_SECTION(size << " bytes") {
            {
                std::ofstream out(f.keyPath, std::ios::binary | std::ios::trunc);
                out << std::string(size, 'k');
            }
            REQUIRE(::chmod(f.keyPath.c_str(), 0600) == 0);
            auto store = homedesk::store::testing::openTickets(f.dbPath, f.keyPath);
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().message.find("expected 32") != std::string::npos);
        }
    }
}

TEST_CASE("delivery to the head office drops the sealed phone from the terminal", "[store][privacy][outbox]") {
    StoreFixture f;
    auto store = f.openStore();
    NewTicket t = sampleTicket("deliver-0001");
    t.phone = kPhone;
    REQUIRE(store->submit(t).ok());

    std::vector<unsigned char> sealed;
    {
        auto stmt = store->db().prepare("SELECT phone_sealed FROM outbox WHERE client_id = 'deliver-0001'");
        REQUIRE(stmt.ok());
        auto row = stmt->step();
        REQUIRE(row.ok());
        REQUIRE(*row);
        sealed = stmt->blob(0);
    }
    REQUIRE(sealed.size() == 24 + 16 + kPhone.size());

    auto outbox = f.openOutbox();
    REQUIRE(outbox.markDelivered("deliver-0001", std::string("R-000123"), 1'700'000'100).ok());
    CHECK(f.rowsFor("outbox", "deliver-0001") == 0);

    // secure_delete zeroes freed content: after a checkpoint not even the ciphertext is left.
    REQUIRE(outbox.db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    const std::string file = readBytes(f.dbPath);
    const std::string sealedBytes(sealed.begin(), sealed.end());
    CHECK(file.find(sealedBytes) == std::string::npos);
    CHECK(file.find(sealedBytes.substr(24, 16)) == std::string::npos);

    // Tracking still works with the last four digits and the head office's number.
    auto found = store->findForTracking("R-000123", "4321");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->delivered);
    CHECK((*found)->ticketNumber == std::optional<std::string>("R-000123"));
}
