// TerminalDb: one connection per thread that migrates, holds the key and hands out every
// repository on that same connection.
#include "kiosk/store/terminal_db.hpp"

#include <catch2/catch.hpp>

#include "kiosk/store/migrations.hpp"
#include "kiosk/store/store_open.hpp"
#include "tests/unit/store/store_fixture.hpp"

using namespace homedesk;
using namespace homedesk::store;
using namespace homedesk::store::testing;

TEST_CASE("a terminal database migrates on open and its repositories share its connection",
          "[store][terminal_db]") {
    StoreFixture f;
    TerminalDb& db = f.openDb();
    auto version = schemaVersion(db.db());
    REQUIRE(version.ok());
    CHECK(*version == latestSchemaVersion());
    CHECK(&db.tickets().db() == &db.db());
    CHECK(&db.surveys().db() == &db.db());
    CHECK(&db.notices().db() == &db.db());
    CHECK(&db.outbox().db() == &db.db());

    // A fault armed on the connection reaches the repositories: they run on it, not their own.
    REQUIRE(db.tickets().submit(sampleTicket("shared-0001")).ok());
    db.db().failOperationAfter(1);
    CHECK_FALSE(db.outbox().pending(10).ok());
    CHECK(db.db().faultFired());
    db.db().failOperationAfter(0);
    auto pending = db.outbox().pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().clientId == "shared-0001");
    // Another TerminalDb is another connection: the fault on this one does not reach it.
    db.db().failOperationAfter(1);
    CHECK(f.openOutbox().pending(10).ok());
    db.db().failOperationAfter(0);
}

TEST_CASE("a terminal database opened in a data folder uses its database and key files",
          "[store][terminal_db]") {
    TempDir dir;
    const std::string data = dir.path().string();
    auto db = TerminalDb::openIn(data);
    REQUIRE(db.ok());
    CHECK(std::filesystem::exists(databasePath(data)));
    CHECK(std::filesystem::file_size(keyPath(data)) == PhoneCipher::kKeyBytes);
}

TEST_CASE("a terminal database that cannot migrate is not opened", "[store][terminal_db]") {
    StoreFixture f;
    {
        auto raw = Db::open(f.dbPath);
        REQUIRE(raw.ok());
        REQUIRE(raw->exec("PRAGMA user_version = 999").ok());
    }
    auto db = TerminalDb::open(f.dbPath, f.keyPath);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().where == "store.migrate");
}
