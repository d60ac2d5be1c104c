// A store on a real SQLite file in a fresh temp directory, and tickets to put in it.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "kiosk/store/terminal_db.hpp"
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

    std::vector<std::unique_ptr<TerminalDb>> opened;  // each open() is a connection of its own

    TerminalDb& openDb() {
        auto db = TerminalDb::open(dbPath, keyPath);
        const std::string why = db ? std::string() : db.error().message;
        INFO(why);
        REQUIRE(db.ok());
        opened.push_back(std::move(db).value());
        return *opened.back();
    }
    SqliteTicketStore* openStore() { return &openDb().tickets(); }
    SqliteOutbox& openOutbox() { return openDb().outbox(); }
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
