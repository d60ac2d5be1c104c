// The terminal and the real head office together: homedesk headless, homedesk-hq as a child
// process, real TLS on 127.0.0.1 with a CA the test makes. The installer enrolls by typing the
// code on the Enroll screen; a resident's repair reaches the head office and the receipt says so;
// with the head office down the footer and the Sync screen show what waits.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "kiosk/app/enrollment_file.hpp"
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/ui/hq_child.hpp"
#include "tests/ui/run_kiosk.hpp"
#include "tests/unit/sync/temp_dir.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::test;
using nlohmann::json;

namespace {

const std::string kRepair = "tap home.tile.repair\ntap repair.category.water_electric\ntap repair.where.home\n"
                            "tap repair.building.b3\n" + keypadTaps("2-1203") + "tap repair.next\ntap repair.urgency.normal\n"
                            "tap repair.phrase.2\ntap repair.next\n" + keypadTaps("13800001234") +
                            "tap repair.next\ntap repair.slot.afternoon\ntap repair.confirm\n";

void checkTargets(const json& shot) {
    INFO(shot["screen"]);
    CHECK(shot["missing_glyphs"].empty());
    const float floor = float(shot["min_target_px"]);
    for (const auto& w : shot["widgets"]) {
        INFO(w["id"]);
        CHECK(float(w["w"]) >= floor);
        CHECK(float(w["h"]) >= floor);
        CHECK(float(w["y"]) + float(w["h"]) <= float(shot["height"]));
    }
}

const json* widget(const json& shot, const std::string& id) {
    for (const auto& w : shot["widgets"])
        if (w["id"] == id) return &w;
    return nullptr;
}

// Rows of `sql` on the head office's database, each as text columns.
std::vector<std::vector<std::string>> query(const std::string& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A running head office with one community and a fresh enrollment code, and a terminal's
// configuration pointing at it.
struct OfficeWithCode {
    testing::TempDir dir;
    testing::TestPki pki{dir.path().string()};
    testing::PemPair cert = pki.server("hq", {"IP:127.0.0.1"});
    std::string hqDb = dir.file("hq.db");
    std::string community = runHq(hqDb, "community add --name 示范小区").second;
    std::string code = runHq(hqDb, "enroll-code create --community " + community).second;
    HqChild hq{hqDb, cert, freeLoopbackPort()};
    std::string config = writeKioskConfig(dir.file("homedesk.toml"), hq.url(), pki.caFile());
};

}  // namespace

TEST_CASE("enrolled by typing the code, a repair reaches the head office and the receipt says so", "[ui][sync]") {
    testing::TempDir dir;
    testing::TestPki pki(dir.path().string());
    const auto cert = pki.server("hq", {"IP:127.0.0.1"});
    const std::string hqDb = dir.file("hq.db");
    auto [rc1, community] = runHq(hqDb, "community add --name 示范小区");
    REQUIRE(rc1 == 0);
    auto [rc2, building] = runHq(hqDb, "building add --community " + community + " --name 3号楼");
    REQUIRE(rc2 == 0);
    auto [rc3, code] = runHq(hqDb, "enroll-code create --community " + community + " --building " + building);
    REQUIRE(rc3 == 0);
    REQUIRE(code.size() == 10);
    HqChild hq(hqDb, cert, freeLoopbackPort());
    const std::string config = writeKioskConfig(dir.file("homedesk.toml"), hq.url(), pki.caFile());
    const std::string data = dir.file("terminal");

    std::string script = "expect enroll\nshot enroll\n"
                         // A code the office never made: refused in plain words, then deleted.
                         "type AAAAAAAAAA\ntap enroll.submit\nawait enroll.failed\nshot enroll-unknown\n";
    for (int i = 0; i < 10; ++i) script += "tap keyboard.backspace\n";
    // The first two characters on the screen's keyboard, the rest from a keyboard in lower case.
    script += "tap keyboard." + lower(code.substr(0, 1)) + "\ntap keyboard." + lower(code.substr(1, 1)) + "\nshot enroll-keys\ntype " + lower(code.substr(2)) + "\nshot enroll-typed\n"
              "tap enroll.submit\nawait screen.home\nshot home\n" +
              kRepair + "shot receipt\nawait receipt.delivered\nshot receipt-delivered\n"
              "tap repair.done\nawait sync.synced\ntap footer.sync\nshot sync\ntap footer.language\nshot sync-en\n"
              "tap footer.large_text\nshot sync-en-large\n";
    const KioskRun run = runKiosk(script, {"--config", config, "--data", data});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);

    const json enroll = run.shot("enroll");
    CHECK(enroll["screen"] == "enroll");
    CHECK(widget(enroll, "nav.home") == nullptr);  // nowhere to go before enrolling
    CHECK(widget(enroll, "home.tile.repair") == nullptr);
    checkTargets(enroll);
    const json unknown = run.shot("enroll-unknown");
    CHECK(unknown["enroll"]["phase"] == "failed");
    CHECK(unknown["enroll"]["error"] == "enroll.error.unknown");
    CHECK(run.shot("enroll-typed")["entry"] == code);

    const json home = run.shot("home");
    CHECK(home["screen"] == "home");
    CHECK(home["sync"]["enrolled"] == true);
    const std::string terminalId = home["sync"]["terminal_id"];

    // The credential is in the data folder, 0600, and the office knows this terminal by it.
    struct stat st {};
    REQUIRE(::stat(app::enrollmentPath(data).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto enrollment = app::readEnrollment(data);
    REQUIRE(enrollment.ok());
    REQUIRE(enrollment->has_value());
    CHECK((*enrollment)->terminalId == terminalId);
    std::ifstream configText(config);
    const std::string configBody((std::istreambuf_iterator<char>(configText)), std::istreambuf_iterator<char>());
    CHECK(configBody.find((*enrollment)->credential) == std::string::npos);

    const json receipt = run.shot("receipt-delivered");
    CHECK(receipt["receipt_delivered"] == true);
    const std::string clientId = [&] {
        auto store = homedesk::store::testing::openTickets(data + "/homedesk.db", data + "/homedesk.key");
        REQUIRE(store.ok());
        auto found = store->findForTracking(receipt["receipt_code"], "1234");
        REQUIRE(found.ok());
        REQUIRE(found->has_value());
        CHECK((*found)->delivered);
        return (*found)->clientId;
    }();

    // At the head office: the repair, from this terminal, with a ticket number.
    const auto rows = query(hqDb, "SELECT s.terminal_id, s.kind, s.payload, s.ticket_number FROM submissions s WHERE s.client_id = '" +
                                      clientId + "'");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == terminalId);
    CHECK(rows[0][1] == "repair");
    CHECK_THAT(rows[0][2], Catch::Contains("water_electric") && Catch::Contains("2-1203"));
    const std::string number = rows[0][3];
    CHECK(number.rfind("R-", 0) == 0);

    const json sync = run.shot("sync");
    CHECK(sync["screen"] == "sync");
    CHECK(sync["sync"]["state"] == "synced");
    CHECK(sync["sync"]["queued"] == 0);
    CHECK(sync["sync"]["terminal_id"] == terminalId);
    checkTargets(sync);
    checkTargets(run.shot("sync-en"));
    checkTargets(run.shot("sync-en-large"));

    // The office dispatches it; the terminal's next start pulls the change into its store.
    // It also publishes a notice to the building; the terminal shows it from its store.
    REQUIRE(runHq(hqDb, "ticket status --number " + number + " --status dispatched --note '王师傅 15:00'").first == 0);
    auto [rcNotice, noticeId] = runHq(hqDb, "notice publish --title '3号楼电梯年检' --category general --target building:" + building);
    REQUIRE(rcNotice == 0);
    const KioskRun again = runKiosk("expect home\nawait tickets.updated\nawait notices.updated\n", {"--config", config, "--data", data});
    INFO(again.output);
    REQUIRE(again.exitCode == 0);
    {
        // (The screens show it from its publish time; this run's clock is fixed at 09:30.)
        auto stored = homedesk::store::testing::openNotices(data + "/homedesk.db");
        REQUIRE(stored.ok());
        auto current = stored->current(static_cast<std::int64_t>(std::time(nullptr)) + 60);
        REQUIRE(current.ok());
        bool found = false;
        for (const auto& n : *current) found |= n.id == noticeId && n.title == "3号楼电梯年检";
        CHECK(found);
    }
    auto store = homedesk::store::testing::openTickets(data + "/homedesk.db", data + "/homedesk.key");
    REQUIRE(store.ok());
    auto ticket = store->ticket(clientId);
    REQUIRE(ticket.ok());
    REQUIRE(ticket->has_value());
    CHECK((*ticket)->ticketNumber == number);
    REQUIRE_FALSE((*ticket)->history.empty());
    CHECK((*ticket)->history.back().status == TicketStatus::Dispatched);
    CHECK((*ticket)->history.back().note == "王师傅 15:00");
    CHECK(hq.stop() == 0);
}

TEST_CASE("a complaint's receipt turns delivered when the head office has it", "[ui][sync][complaint]") {
    OfficeWithCode office;
    auto& [dir, pki, cert, hqDb, community, code, hq, config] = office;
    REQUIRE(code.size() == 10);
    const std::string data = dir.file("terminal");
    // Before the fix only the repair receipt was ever told: this `await` timed out.
    const KioskRun run = runKiosk(
        "expect enroll\ntype " + code + "\ntap enroll.submit\nawait screen.home\n"
        "tap home.tile.complaint\ntap complaint.category.environment\ntap complaint.phrase.1\n"
        "tap complaint.next\ntap complaint.route.desk\ntap complaint.identity.anonymous\n"
        "tap complaint.confirm\nexpect complaint\nawait receipt.delivered\nshot receipt-delivered\n",
        {"--config", config, "--data", data});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json receipt = run.shot("receipt-delivered");
    CHECK(receipt["complaint_step"] == "receipt");
    CHECK(receipt["receipt_delivered"] == true);
    const std::string trackingCode = receipt["receipt_code"];
    CHECK_FALSE(trackingCode.empty());
    // The head office holds it: one complaint from this terminal.
    const auto rows = query(hqDb, "SELECT kind FROM submissions");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == "complaint");
    CHECK(hq.stop() == 0);
}

TEST_CASE("with the head office down, the footer and the Sync screen show what waits", "[ui][sync]") {
    testing::TempDir dir;
    testing::TestPki pki(dir.path().string());
    const int port = freeLoopbackPort();  // nothing listens there
    const std::string url = "https://127.0.0.1:" + std::to_string(port);
    const std::string config = writeKioskConfig(dir.file("homedesk.toml"), url, pki.caFile());
    for (const char* orientation : {"portrait", "landscape"}) {
        INFO(orientation);
        // A terminal enrolled earlier (its data folder holds the credential).
        const std::string data = dir.file(std::string("terminal-") + orientation);
        std::filesystem::create_directories(data);
        REQUIRE(app::writeEnrollment(data, {url, "t00feedbeef", "credential-of-the-test", "c1", "示范小区", "", 0}).ok());
        const KioskRun run = runKiosk("await sync.offline\nshot home-offline\n" + kRepair +
                                          "shot receipt\ntap repair.done\nawait sync.queued.1\nawait sync.offline\nshot queued\n"
                                          "tap footer.sync\nshot sync\ntap footer.large_text\nshot sync-large\n"
                                          "tap footer.language\nshot sync-en-large\n",
                                      {"--config", config, "--data", data, "--orientation", orientation});
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        CHECK(run.shot("home-offline")["screen"] == "home");
        const json receipt = run.shot("receipt");
        CHECK(receipt["receipt_delivered"] == false);
        const json queued = run.shot("queued");
        CHECK(queued["sync"]["state"] == "offline");
        CHECK(queued["sync"]["queued"] == 1);
        const json* footer = widget(queued, "footer.sync");
        REQUIRE(footer != nullptr);
        CHECK((*footer)["label"] == "离线 · 1 条待发送");
        const json sync = run.shot("sync");
        CHECK(sync["screen"] == "sync");
        CHECK(sync["sync"]["queued"] == 1);
        CHECK(sync["sync"]["last_error"] == "sync.error.network");
        checkTargets(sync);
        checkTargets(run.shot("sync-large"));
        const json en = run.shot("sync-en-large");
        CHECK((*widget(en, "footer.sync"))["label"] == "Offline · 1 waiting to send");
        checkTargets(en);
    }
}

TEST_CASE("enrolling while the head office cannot be reached says so and keeps the code", "[ui][sync]") {
    testing::TempDir dir;
    testing::TestPki pki(dir.path().string());
    const std::string url = "https://127.0.0.1:" + std::to_string(freeLoopbackPort());
    const std::string config = writeKioskConfig(dir.file("homedesk.toml"), url, pki.caFile());
    const KioskRun run = runKiosk("expect enroll\ntype ABCDE-23456\ntap enroll.submit\nawait enroll.failed\nshot failed\n"
                                  "tap footer.large_text\nshot failed-large\ntap home.tile.repair\n",
                                  {"--config", config, "--data", dir.file("terminal")});
    INFO(run.output);
    CHECK(run.exitCode == 3);  // residents cannot get past it: there is no Repair tile to tap
    CHECK_THAT(run.output, Catch::Contains("no widget \"home.tile.repair\" on screen enroll"));
    const json failed = run.shot("failed");
    CHECK(failed["screen"] == "enroll");
    CHECK(failed["enroll"]["error"] == "enroll.error.unreachable");
    CHECK(failed["enroll"]["sent"] == "ABCDE23456");
    CHECK(failed["entry"] == "ABCDE-23456");  // what was typed stays, to fix rather than retype
    checkTargets(run.shot("failed-large"));
    CHECK_FALSE(std::filesystem::exists(app::enrollmentPath(dir.file("terminal"))));
}

TEST_CASE("homedesk --enroll enrolls through the same path and refuses used codes and strange certificates",
          "[ui][sync]") {
    OfficeWithCode office;
    auto& [dir, pki, cert, hqDb, community, code, hq, config] = office;
    const auto enroll = [&](const std::string& configPath, const std::string& data, const std::string& typed) {
        const std::string cmd = std::string(HOMEDESK_BINARY) + " --assets '" + HOMEDESK_ASSETS_DIR + "' --config '" +
                                configPath + "' --data '" + data + "' --enroll '" + typed + "' 2>&1";
        FILE* pipe = ::popen(cmd.c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::string out;
        char buf[512];
        while (std::fgets(buf, sizeof buf, pipe)) out += buf;
        const int status = ::pclose(pipe);
        return std::pair<int, std::string>{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
    };

    // A head office whose certificate another CA signed is refused: nothing is sent.
    std::filesystem::create_directories(dir.file("other"));
    testing::TestPki otherPki(dir.file("other"));
    const std::string strange = writeKioskConfig(dir.file("strange.toml"), hq.url(), otherPki.caFile());
    auto [rcTls, outTls] = enroll(strange, dir.file("a"), code);
    CHECK(rcTls == 4);
    CHECK_THAT(outTls, Catch::Contains("certificate was refused"));
    CHECK_FALSE(std::filesystem::exists(app::enrollmentPath(dir.file("a"))));

    CHECK(enroll(config, dir.file("a"), "not a code").first == 4);
    auto [rc, out] = enroll(config, dir.file("a"), lower(code.substr(0, 5)) + "-" + code.substr(5));
    INFO(out);
    CHECK(rc == 0);
    CHECK_THAT(out, Catch::Contains("enrolled with " + hq.url()));
    auto enrolled = app::readEnrollment(dir.file("a"));
    REQUIRE(enrolled.ok());
    REQUIRE(enrolled->has_value());
    CHECK_THAT(runHq(hqDb, "terminal list").second, Catch::Contains((*enrolled)->terminalId));

    auto [rcUsed, outUsed] = enroll(config, dir.file("b"), code);
    CHECK(rcUsed == 4);
    CHECK_THAT(outUsed, Catch::Contains("used already"));
    CHECK_THAT(enroll(config, dir.file("b"), "ABCDE23456").second, Catch::Contains("does not know this code"));
}
