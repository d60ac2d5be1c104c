// A store on a real SQLite file in a fresh temp directory, and tickets to put in it.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/unit/sync/temp_dir.hpp"

namespace homedesk::store::testing {

using homedesk::testing::TempDir;  // one temp-folder helper for every test

inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline NewTicket sampleTicket(const std::string& clientId, std::int64_t createdAt = 1'700'000'000) {
    NewTicket t;
    t.clientId = clientId;
    t.kind = TicketKind::Repair;
    t.repairCategory = RepairCategory::Elevator;
    t.location.kind = TicketLocation::Kind::PublicPlace;
    t.location.buildingId = "b2";
    t.location.placeId = "b2-elevator-2";
    t.urgency = Urgency::Urgent;
    t.description = "电梯门关不上 / lift door will not close";
    t.phone = "13812345678";
    t.createdAt = createdAt;
    return t;
}

struct StoreFixture {
    TempDir dir;
    std::string dbPath = dir.file("homedesk.db");
    std::string keyPath = dir.file("phone.key");

    std::unique_ptr<SqliteTicketStore> openStore() {
        auto store = SqliteTicketStore::open(dbPath, keyPath);
        const std::string why = store ? std::string() : store.error().message;
        INFO(why);
        REQUIRE(store.ok());
        return std::move(store).value();
    }
    SqliteOutbox openOutbox() {
        auto outbox = SqliteOutbox::open(dbPath, keyPath);
        const std::string why = outbox ? std::string() : outbox.error().message;
        INFO(why);
        REQUIRE(outbox.ok());
        return std::move(outbox).value();
    }
    // Rows of `table` whose client_id is `id`, read on a connection of its own.
    std::int64_t rowsFor(const std::string& table, const std::string& id) {
        auto db = Db::open(dbPath);
        REQUIRE(db.ok());
        auto stmt = db->prepare("SELECT count(*) FROM " + table + " WHERE client_id = ?1");
        REQUIRE(stmt.ok());
        stmt->bind(1, id);
        auto row = stmt->step();
        REQUIRE(row.ok());
        return stmt->integer(0);
    }
};

}  // namespace homedesk::store::testing
