// The head office's files hold the signing key, residents' phone numbers and password hashes:
// owner-only from creation, the key in its own file, rotation without a restart.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "sync/hq/api.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "sync/protocol/signing_key.hpp"
#include "tests/unit/sync/hq_fixture.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;
using homedesk::testing::TempDir;
namespace fs = std::filesystem;

namespace {

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("hq.db, its WAL files, its folder and its signing key are owner-only from the start",
          "[hq][privacy]") {
    TempDir dir;
    const std::string db = dir.file("var/hq/hq.db");  // neither folder exists yet
    ::umask(022);  // the usual umask: what SQLite alone would create world-readable
    auto store = hq::SqliteHqStore::open(db);
    REQUIRE(store.ok());
    REQUIRE(store.value()->addCommunity("阳光花园").ok());  // a write: the WAL and SHM exist now
    const auto secret = store.value()->signingSecret();
    REQUIRE(secret.ok());

    CHECK(modeOf(dir.file("var")) == 0700);
    CHECK(modeOf(dir.file("var/hq")) == 0700);
    CHECK(modeOf(db) == 0600);
    CHECK(modeOf(db + "-wal") == 0600);
    CHECK(modeOf(db + "-shm") == 0600);
    const std::string keyFile = hq::SqliteHqStore::signingKeyPath(db);
    CHECK(modeOf(keyFile) == 0600);
    CHECK(slurp(keyFile) == secret.value());
    // Not in the database: a copy of hq.db does not carry the power to sign badges.
    CHECK(slurp(db).find(secret.value()) == std::string::npos);
    CHECK(slurp(db + "-wal").find(secret.value()) == std::string::npos);
}

TEST_CASE("a database file someone widened is narrowed again when opened", "[hq][privacy]") {
    TempDir dir;
    const std::string db = dir.file("hq.db");
    REQUIRE(hq::SqliteHqStore::open(db).ok());
    ::chmod(db.c_str(), 0644);
    REQUIRE(modeOf(db) == 0644);
    REQUIRE(hq::SqliteHqStore::open(db).ok());
    CHECK(modeOf(db) == 0600);
}

TEST_CASE("a signing key kept in the database by an older version moves to its file",
          "[hq][privacy]") {
    TempDir dir;
    const std::string db = dir.file("hq.db");
    const std::string old = protocol::generateSigningKey().encoded();
    {
        auto store = hq::SqliteHqStore::open(db);
        REQUIRE(store.ok());
        fs::remove(hq::SqliteHqStore::signingKeyPath(db));
        hq::Database raw(db);
        raw.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('signing_secret', ?)")
            .bind(1, old)
            .run();
    }
    auto reopened = hq::SqliteHqStore::open(db);
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->signingSecret().value() == old);  // same key: printed cards still valid
    CHECK(slurp(hq::SqliteHqStore::signingKeyPath(db)) == old);
    CHECK(slurp(db).find(old) == std::string::npos);  // not even in a free page
    CHECK(slurp(db + "-wal").find(old) == std::string::npos);
    hq::Database raw(db);
    CHECK_FALSE(raw.prepare("SELECT 1 FROM meta WHERE key = 'signing_secret'").step());
}

TEST_CASE("rotating the signing key keeps the old one aside and tells the terminals",
          "[hq][privacy]") {
    TempDir dir;
    const std::string db = dir.file("hq.db");
    auto store = std::move(hq::SqliteHqStore::open(db).value());
    const std::string before = store->signingSecret().value();
    const std::int64_t versionBefore = store->configVersion().value();

    auto rotated = store->rotateSigningKey();
    REQUIRE(rotated.ok());
    CHECK(rotated.value() != before);
    CHECK(store->signingSecret().value() == rotated.value());
    CHECK(store->configVersion().value() == versionBefore + 1);
    const std::string previous = hq::SqliteHqStore::signingKeyPath(db) + ".previous";
    CHECK(slurp(previous) == before);
    CHECK(modeOf(previous) == 0600);
    // Another process (the running server) sees the new key without a restart.
    auto other = std::move(hq::SqliteHqStore::open(db).value());
    CHECK(other->signingSecret().value() == rotated.value());
}

TEST_CASE("a resident's phone is sealed in hq.db and read back in full by the desk",
          "[hq][privacy]") {
    homedesk::testing::HqFixture hq;
    auto t = hq.enroll();
    auto report = homedesk::testing::repair("phone-0001");
    report.payload["phone"] = "13812345678";
    report.payload["description"] = "厨房漏水";
    protocol::SubmissionBatch batch;
    batch.items = {report};
    auto answer = homedesk::testing::decoded<protocol::SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential, protocol::encode(batch)));
    REQUIRE(answer.results.size() == 1);
    REQUIRE(answer.results[0].ticket_number);

    auto detail = hq.store->deskTicket(*answer.results[0].ticket_number).value();
    REQUIRE(detail);
    CHECK(detail->phone == std::optional<std::string>("13812345678"));
    CHECK(detail->description == "厨房漏水");
    const std::string db = hq.dir.file("hq.db");
    CHECK(slurp(db).find("13812345678") == std::string::npos);
    CHECK(slurp(db + "-wal").find("13812345678") == std::string::npos);
    CHECK(modeOf(hq::SqliteHqStore::piiKeyPath(db)) == 0600);
}

TEST_CASE("phones an older version stored in plain text are sealed when the store opens",
          "[hq][privacy]") {
    TempDir dir;
    const std::string db = dir.file("hq.db");
    std::string number;
    {
        auto store = std::move(hq::SqliteHqStore::open(db).value());
        const auto community = store->addCommunity("阳光花园").value();
        const auto code = store->createEnrollCode(community, std::nullopt, 2'000'000'000).value();
        hq::HqApi api(*store, nullptr, [] { return std::int64_t{1'790'000'000}; });
        auto enrolled = protocol::decode<protocol::EnrollResponse>(
            api.handle({"POST", "/api/v1/enroll", {}, "", "",
                        protocol::encode(protocol::EnrollRequest{code.code, "lobby", "0.1"})})
                .body);
        REQUIRE(enrolled.ok());
        auto report = homedesk::testing::repair("plain-0001");
        report.payload["phone"] = "13900001111";
        protocol::SubmissionBatch batch;
        batch.items = {report};
        auto answer = protocol::decode<protocol::SubmissionBatchResult>(
            api.handle({"POST", "/api/v1/submissions", {}, "Bearer " + enrolled->credential, "",
                        protocol::encode(batch)})
                .body);
        REQUIRE(answer.ok());
        number = *answer->results.at(0).ticket_number;
    }
    {
        // What an older version wrote: the number in plain text inside the payload.
        hq::Database raw(db);
        raw.prepare("UPDATE submissions SET payload = json_set(payload, '$.phone', '13900001111')")
            .run();
    }
    REQUIRE(slurp(db).find("13900001111") != std::string::npos);
    auto reopened = std::move(hq::SqliteHqStore::open(db).value());
    CHECK(slurp(db).find("13900001111") == std::string::npos);
    auto detail = reopened->deskTicket(number).value();
    REQUIRE(detail);
    CHECK(detail->phone == std::optional<std::string>("13900001111"));
}
