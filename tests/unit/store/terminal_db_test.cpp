// TerminalDb: one connection per thread that migrates, holds the key and hands out every
// repository on that same connection.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "kiosk/store/migrations.hpp"
#include "kiosk/store/store_open.hpp"
#include "kiosk/store/terminal_db.hpp"
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

TEST_CASE("the data folder and the database are owner-only, even when made by someone else",
          "[store][terminal_db][privacy]") {
    TempDir dir;
    const auto modeOf = [](const std::string& path) {
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        return st.st_mode & 0777;
    };
    ::umask(022);
    const std::string fresh = dir.path().string() + "/var/homedesk";  // made by the store
    {
        auto db = TerminalDb::openIn(fresh);
        REQUIRE(db.ok());
        REQUIRE(db.value()->tickets().submit(sampleTicket("mode-0001")).ok());  // WAL and SHM
        CHECK(modeOf(fresh) == 0700);
        CHECK(modeOf(databasePath(fresh)) == 0600);
        CHECK(modeOf(databasePath(fresh) + "-wal") == 0600);
        CHECK(modeOf(databasePath(fresh) + "-shm") == 0600);
        CHECK(modeOf(keyPath(fresh)) == 0600);
    }
    // An installer's `mkdir` (0755) and an old version's database (0644) are narrowed on open.
    const std::string installed = dir.path().string() + "/installed";
    REQUIRE(::mkdir(installed.c_str(), 0755) == 0);
    REQUIRE(TerminalDb::openIn(installed).ok());
    REQUIRE(::chmod(databasePath(installed).c_str(), 0644) == 0);
    REQUIRE(::chmod(installed.c_str(), 0755) == 0);
    REQUIRE(TerminalDb::openIn(installed).ok());
    CHECK(modeOf(installed) == 0700);
    CHECK(modeOf(databasePath(installed)) == 0600);
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
