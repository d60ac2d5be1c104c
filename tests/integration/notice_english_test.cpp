// Protocol 1.1 end to end: English notice text published with the real homedesk-hq command line,
// served by the real head office over real TLS on 127.0.0.1, fetched by the real SyncEngine into
// the terminal's real SQLite store, and read back as the Notices screen reads it.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>

#include "kiosk/store/terminal_db.hpp"
#include "kiosk/store/sync_adapters.hpp"
#include "sync/client/sync_engine.hpp"
#include "tests/integration/hq_server_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using namespace std::chrono_literals;

namespace {

// Runs the homedesk-hq binary against the server's database file (another process, as an
// installer would); returns its exit code and stdout.
std::pair<int, std::string> runHq(const std::string& db, const std::string& args) {
    const std::string command =
        std::string(HOMEDESK_HQ_BINARY) + " --db '" + db + "' " + args + " </dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    const int status = ::pclose(pipe);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

template <typename F>
bool waitFor(F condition, std::chrono::milliseconds limit = 15s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(50ms);
    }
    return condition();
}

// The terminal: its store on a real SQLite file, the adapters and the engine.
struct Terminal {
    TempDir dir;
    std::string dbPath = dir.file("homedesk.db");
    std::string keyPath = dir.file("phone.key");
    std::unique_ptr<store::TerminalDb> pushDb;    // the engine's push thread
    std::unique_ptr<store::TerminalDb> noticeDb;  // the engine's notice thread
    std::unique_ptr<store::TerminalDb> uiDb;      // the app's
    store::SqliteNotices* reader = nullptr;
    std::optional<store::StoreOutbox> outboxAdapter;
    std::optional<store::StoreTicketSink> ticketSink;
    std::optional<store::StoreNoticeSink> noticeSink;
    std::unique_ptr<sync::SyncEngine> engine;

    Terminal(HqFixture& hq, const std::string& credential) {
        for (auto* db : {&uiDb, &pushDb, &noticeDb}) {  // the first migrates the file
            auto opened = store::TerminalDb::open(dbPath, keyPath);
            REQUIRE(opened.ok());
            *db = std::move(opened).value();
        }
        reader = &uiDb->notices();
        outboxAdapter.emplace(pushDb->outbox());
        ticketSink.emplace(pushDb->outbox());
        noticeSink.emplace(noticeDb->notices());
        sync::SyncSettings s;
        s.backoff_base = 10ms;
        s.backoff_cap = 200ms;
        s.poll_interval = 200ms;
        s.notice_wait_s = 5;
        s.seed = 7;
        engine = std::make_unique<sync::SyncEngine>([&hq] { return hq.transport(); }, credential,
                                                    *outboxAdapter, *ticketSink, *noticeSink, s,
                                                    [] {});
        engine->start();
    }
    ~Terminal() { engine->stop(); }

    std::optional<store::StoredNotice> shown(const std::string& title) {
        auto current = reader->current(unixNow());
        if (!current) return std::nullopt;
        for (const auto& n : *current)
            if (n.title == title) return n;
        return std::nullopt;
    }
    std::optional<store::StoredNotice> shownWithRevision(const std::string& title,
                                                         std::int64_t revision) {
        auto n = shown(title);
        if (n && n->revision == revision) return n;
        return std::nullopt;
    }
};

}  // namespace

TEST_CASE("English published at the head office reaches the terminal's store over TLS",
          "[integration][notice_en]") {
    HqFixture hq;
    auto t = hq.enroll(hq.building);
    const std::string db = hq.dir.file("hq.db");
    Terminal terminal(hq, t.enrolled.credential);

    // 1. One notice typed at the office, with its translation.
    auto [rc, id] = runHq(db, "notice publish --title '电梯检修' --body '周三 9:00-11:00' "
                              "--title-en 'Lift maintenance' --body-en 'Wednesday 9:00-11:00' "
                              "--category general --target building:" + hq.building);
    REQUIRE(rc == 0);
    REQUIRE(waitFor([&] { return terminal.shown("电梯检修").has_value(); }));
    auto lift = terminal.shown("电梯检修");
    CHECK(lift->titleEn == "Lift maintenance");
    CHECK(lift->bodyEn == "Wednesday 9:00-11:00");
    CHECK(lift->body == "周三 9:00-11:00");

    // A notice without a translation has empty English columns (the screen falls back to Chinese).
    REQUIRE(runHq(db, "notice publish --title '只有中文' --target all").first == 0);
    REQUIRE(waitFor([&] { return terminal.shown("只有中文").has_value(); }));
    CHECK(terminal.shown("只有中文")->titleEn.empty());

    // 2. A feed file, as the demo publishes assets/demo/notices.json: English arrives; running it
    //    again changes nothing; a reworded file without English is a revision that clears it.
    const std::string file = hq.dir.file("feed.json");
    const auto publishAt = unixNow() - 60;
    auto writeFeed = [&](const std::string& title, const std::string& english) {
        nlohmann::json n = {{"id", "water-1"}, {"revision", 1}, {"title", title},
                            {"body", "9:00-12:00"}, {"category", "outage"},
                            {"publish_at", publishAt}};
        if (!english.empty()) {
            n["title_en"] = english;
            n["body_en"] = "9:00-12:00, no water";
        }
        std::ofstream(file) << nlohmann::json{
            {"changes", {n}},
            {"cursor", "f1"},
            {"more", false}}.dump();
    };
    writeFeed("3号楼停水", "Water off in Building 3");
    auto [rcFile, lines] =
        runHq(db, "notice publish --file '" + file + "' --target community:" + hq.community);
    REQUIRE(rcFile == 0);
    CHECK(lines.find("\tpublished\twater-1") != std::string::npos);
    REQUIRE(waitFor([&] { return terminal.shown("3号楼停水").has_value(); }));
    CHECK(terminal.shown("3号楼停水")->titleEn == "Water off in Building 3");
    CHECK(terminal.shown("3号楼停水")->bodyEn == "9:00-12:00, no water");

    auto [rcAgain, again] =
        runHq(db, "notice publish --file '" + file + "' --target community:" + hq.community);
    REQUIRE(rcAgain == 0);
    CHECK(again.find("\tunchanged\twater-1") != std::string::npos);

    writeFeed("3号楼停水（改为周四）", "");
    auto [rcRevised, revised] =
        runHq(db, "notice publish --file '" + file + "' --target community:" + hq.community);
    REQUIRE(rcRevised == 0);
    CHECK(revised.find("\trevised\twater-1") != std::string::npos);
    REQUIRE(waitFor(
        [&] { return terminal.shownWithRevision("3号楼停水（改为周四）", 2).has_value(); }));
    CHECK(terminal.shown("3号楼停水（改为周四）")->titleEn.empty());
    CHECK_FALSE(terminal.shown("3号楼停水").has_value());  // one notice, reworded in place

    // 3. A retraction takes the notice, English and all, off the terminal.
    REQUIRE(runHq(db, "notice retract --id " + id).first == 0);
    REQUIRE(waitFor([&] { return !terminal.shown("电梯检修").has_value(); }));
    auto raw = terminal.reader->db().prepare(
        "SELECT title_en, body_en, retracted FROM notices WHERE id = ?1");
    REQUIRE(raw.ok());
    raw->bind(1, id);
    auto row = raw->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    CHECK(raw->text(0).empty());
    CHECK(raw->text(1).empty());
    CHECK(raw->integer(2) == 1);
}

TEST_CASE("the demo notices file publishes at a local head office with its English",
          "[integration][notice_en]") {
    HqFixture hq;
    auto t = hq.enroll(hq.building);
    const std::string db = hq.dir.file("hq.db");
    const std::string file = HOMEDESK_SOURCE_DIR "/assets/demo/notices.json";
    auto [rc, lines] = runHq(db, "notice publish --file '" + file + "' --target all");
    REQUIRE(rc == 0);
    const auto expected =
        static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n') + 1);
    REQUIRE(expected >= 4);
    Terminal terminal(hq, t.enrolled.credential);
    // Every demo notice arrives in the store with English (counted in the table: some demo
    // notices may be out of their publish window on the day the test runs).
    auto countWithEnglish = [&]() -> std::int64_t {
        auto st = terminal.reader->db().prepare(
            "SELECT COUNT(*) FROM notices WHERE title_en <> '' AND body_en <> ''");
        if (!st) return -1;
        auto row = st->step();
        if (!row || !*row) return -1;
        return st->integer(0);
    };
    REQUIRE(waitFor([&] { return countWithEnglish() == static_cast<std::int64_t>(expected); }));
    // Publishing again (the demo script starting twice) adds nothing.
    auto [rcAgain, again] = runHq(db, "notice publish --file '" + file + "' --target all");
    REQUIRE(rcAgain == 0);
    CHECK(again.find("published") == std::string::npos);
    CHECK(again.find("revised") == std::string::npos);
}

TEST_CASE("notice publish refuses bad English options and bad feed files, publishing nothing",
          "[integration][notice_en]") {
    HqFixture hq;
    const std::string db = hq.dir.file("hq.db");
    CHECK(runHq(db, "notice publish --title 通知 --body-en 'only a body' --target all").first != 0);
    CHECK(
        runHq(db, "notice publish --title 通知 --title-en \"$(printf 'two\\nlines')\" --target all")
            .first != 0);
    const std::string file = hq.dir.file("bad.json");
    // The second entry is wrong: nothing from the file is published, not even the first.
    std::ofstream(file) << R"({"changes":[{"id":"a","revision":1,"title":"好","publish_at":1},)"
                           R"({"id":"b","revision":1,"title":"坏","title_en":7,"publish_at":1}],)"
                           R"("cursor":"x","more":false})";
    CHECK(runHq(db, "notice publish --file '" + file + "' --target all").first != 0);
    CHECK(runHq(db, "notice publish --file '" + file + "' --title x --target all").first != 0);
    CHECK(runHq(db, "notice publish --file '" + hq.dir.file("missing.json") + "' --target all")
              .first != 0);
    auto seq = hq.server.store().noticeSequence();
    REQUIRE(seq.ok());
    CHECK(*seq == 0);
}
