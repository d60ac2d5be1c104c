// Notices, tracking and the service guide on the real program: tapping widgets by id, typing on
// the keypad, waiting for the idle show, then reading what landed in the real store.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <ctime>
#include <filesystem>

#include "kiosk/core/theme.hpp"
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/ui/run_kiosk.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::test;
using nlohmann::json;

namespace {

std::filesystem::path freshDataDir(const char* name) { return test::freshDataDir("nt", name); }

std::vector<store::DisplayRecord> displays(const std::filesystem::path& data) {
    auto notices = homedesk::store::testing::openNotices((data / "homedesk.db").string());
    REQUIRE(notices.ok());
    auto records = notices->unreportedDisplays(1000);
    REQUIRE(records.ok());
    return *records;
}

void checkTargets(const json& shot) {
    CHECK(shot["missing_glyphs"].empty());
    const float floor = float(shot["min_target_px"]);
    for (const auto& w : shot["widgets"]) {
        INFO(w["id"]);
        CHECK(float(w["w"]) >= floor);
        CHECK(float(w["h"]) >= floor);
        CHECK(float(w["y"]) >= 0);
        CHECK(float(w["y"]) + float(w["h"]) <= float(shot["height"]) + 0.5f);
    }
    // Room between targets: no two overlap or touch (a finger must not hit two at once).
    const float minGap = ElderRules::kMinGapMm * float(shot["px_per_mm"]) - 0.5f;
    const auto& widgets = shot["widgets"];
    for (size_t i = 0; i < widgets.size(); ++i)
        for (size_t j = i + 1; j < widgets.size(); ++j) {
            const auto &a = widgets[i], &b = widgets[j];
            const float gapX = std::max(float(b["x"]) - (float(a["x"]) + float(a["w"])), float(a["x"]) - (float(b["x"]) + float(b["w"])));
            const float gapY = std::max(float(b["y"]) - (float(a["y"]) + float(a["h"])), float(a["y"]) - (float(b["y"]) + float(b["h"])));
            INFO(a["id"] << " and " << b["id"]);
            CHECK(std::max(gapX, gapY) >= minGap);
        }
}

bool hasWidget(const json& shot, const std::string& id) {
    for (const auto& w : shot["widgets"])
        if (w["id"] == id) return true;
    return false;
}

const std::string kFileRepair = "tap home.tile.repair\ntap repair.category.water_electric\ntap repair.where.home\n"
                                "tap repair.building.b3\n" + keypadTaps("2-1203") + "tap repair.next\ntap repair.urgency.urgent\n"
                                "tap repair.phrase.2\ntap repair.next\n" + keypadTaps("13800001234") +
                                "tap repair.next\ntap repair.slot.afternoon\ntap repair.confirm\nshot receipt\n";

// The head office takes the one queued ticket and numbers it; returns its id and filing time.
std::pair<std::string, std::int64_t> deliverTheTicket(store::SqliteOutbox& outbox, const std::string& number) {
    auto pending = outbox.pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    const std::string id = pending->front().clientId;
    const std::int64_t filedAt = pending->front().createdAt;
    REQUIRE(outbox.markDelivered(id, number, filedAt + 60).ok());
    return {id, filedAt};
}

}  // namespace

TEST_CASE("a repair filed on the terminal is tracked by its code and the phone's last 4 digits", "[ui][track]") {
    const auto data = freshDataDir("track");
    const KioskRun filed = runKiosk(kFileRepair, {"--data", data.string()});
    INFO(filed.output);
    REQUIRE(filed.exitCode == 0);
    const std::string code = filed.shot("receipt")["receipt_code"];
    REQUIRE(code.size() == 8);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);

    // The head office accepts it and answers; its status feed arrives.
    {
        auto outbox = homedesk::store::testing::openOutbox((data / "homedesk.db").string(), (data / "homedesk.key").string());
        REQUIRE(outbox.ok());
        const auto [id, filedAt] = deliverTheTicket(*outbox, "R-000042");
        REQUIRE(outbox->applyStatusChange({"R-000042", id, TicketStatus::Accepted, "", filedAt + 10 * 60}).ok());
        REQUIRE(outbox->applyStatusChange({"R-000042", id, TicketStatus::Dispatched, "王师傅", filedAt + 20 * 60}).ok());
    }

    const std::string wrongThenRight = "tap home.tile.track\nshot number\n" + keypadTaps(code) + "tap track.next\nshot last4\n" +
                                       keypadTaps("9999") + "tap track.next\nshot not-found\ntap track.retry_last4\nshot retry\n" +
                                       keypadTaps("1234") + "tap track.next\nshot timeline\n"
                                       "tap nav.back\nshot back-to-number\ntap nav.home\n"
                                       "tap home.tile.track\n" + keypadTaps("000042") + "tap track.next\n" + keypadTaps("1234") +
                                       "tap track.next\nshot by-hq-number\n";
    for (const char* orientation : {"portrait", "landscape"}) {
        const KioskRun run = runKiosk(wrongThenRight, {"--data", data.string(), "--orientation", orientation});
        INFO(orientation << "\n" << run.output);
        REQUIRE(run.exitCode == 0);
        CHECK(run.shot("number")["track_step"] == "number");
        CHECK(run.shot("last4")["track_step"] == "last4");
        CHECK(run.shot("not-found")["track_step"] == "not_found");
        const json retry = run.shot("retry");
        CHECK(retry["track_step"] == "last4");  // the number was kept: only 4 digits to type again
        const json timeline = run.shot("timeline");
        CHECK(timeline["track_step"] == "timeline");
        CHECK(timeline["track_status"] == "dispatched");
        checkTargets(timeline);
        const json back = run.shot("back-to-number");
        CHECK(back["track_step"] == "number");
        CHECK(run.shot("by-hq-number")["track_status"] == "dispatched");
    }
}

TEST_CASE("a resolved ticket offers its callback survey on the timeline once and the answer carries the ticket number", "[ui][track][survey]") {
    const auto data = freshDataDir("callback");
    const KioskRun filed = runKiosk(kFileRepair, {"--data", data.string()});
    INFO(filed.output);
    REQUIRE(filed.exitCode == 0);
    {
        auto outbox = homedesk::store::testing::openOutbox((data / "homedesk.db").string(), (data / "homedesk.key").string());
        REQUIRE(outbox.ok());
        const auto [id, at] = deliverTheTicket(*outbox, "R-000077");
        REQUIRE(outbox->applyStatusChange({"R-000077", id, TicketStatus::Resolved, "", at + 3600}).ok());
    }
    const std::string script = "tap footer.large_text\ntap home.tile.track\n" + keypadTaps("000077") + "tap track.next\n" + keypadTaps("1234") +
                               "tap track.next\nshot resolved\ntap track.rate\nshot rate\n"
                               "tap survey.score.5\ntap survey.score.5\ntap survey.score.5\ntap survey.score.5\n"
                               "tap survey.score.5\ntap survey.score.5\ntap survey.next\ntap survey.submit\nshot thanks\n";
    {
        const KioskRun run = runKiosk(script, {"--data", data.string(), "--orientation", "landscape"});
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        const json resolved = run.shot("resolved");
        CHECK(resolved["track_status"] == "resolved");
        CHECK(hasWidget(resolved, "track.rate"));
        checkTargets(resolved);
        CHECK(run.shot("rate")["survey_step"] == "rate");
        CHECK(run.shot("thanks")["survey_step"] == "thanks");
    }
    auto db = store::Db::open((data / "homedesk.db").string());
    REQUIRE(db.ok());
    auto answered = db->queryInt("SELECT count(*) FROM survey_responses WHERE ticket_number = 'R-000077'");
    REQUIRE(answered.ok());
    CHECK(*answered == 1);
    auto queued = db->queryInt("SELECT count(*) FROM outbox WHERE kind = 'survey' AND payload LIKE '%R-000077%'");
    REQUIRE(queued.ok());
    CHECK(*queued == 1);

    // Answered once: the timeline no longer offers it, while the head office has yet to close it.
    const KioskRun again = runKiosk("tap home.tile.track\n" + keypadTaps("000077") + "tap track.next\n" + keypadTaps("1234") +
                                        "tap track.next\nshot resolved\n",
                                    {"--data", data.string(), "--orientation", "portrait"});
    INFO(again.output);
    REQUIRE(again.exitCode == 0);
    const json resolved = again.shot("resolved");
    CHECK(resolved["track_status"] == "resolved");
    CHECK(hasWidget(resolved, "track.done"));
    CHECK_FALSE(hasWidget(resolved, "track.rate"));
}

TEST_CASE("track refuses a short last-4 on screen and keeps the typed number", "[ui][track]") {
    const auto data = freshDataDir("track-bad");
    const KioskRun run = runKiosk("tap home.tile.track\ntap track.next\nshot empty\n" + keypadTaps("1234-5678") +
                                      "tap track.next\n" + keypadTaps("12") + "tap track.next\nshot short\n"
                                      "tap footer.large_text\nshot short-large\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("empty")["flow_error"] == "track.error.number_empty");
    const json shot = run.shot("short");
    CHECK(shot["track_step"] == "last4");
    CHECK(shot["flow_error"] == "track.error.last4");
    checkTargets(run.shot("short-large"));
}

TEST_CASE("track takes a scanner wedge's text: too much or emoji gets a message, the number still works", "[ui][track]") {
    const auto data = freshDataDir("track-wedge");
    const KioskRun run = runKiosk("tap home.tile.track\ntype " + std::string(10000, '7') + "\nshot long\ntap nav.home\n"
                                  "tap home.tile.track\ntype 12😀34\nshot emoji\ntap nav.home\n"
                                  "tap home.tile.track\ntype r-000042\ntap track.next\ntype 1234\ntap track.next\nshot looked-up\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json longShot = run.shot("long");
    CHECK(longShot["track_step"] == "number");
    CHECK(longShot["entry_error"] == "entry.error.too_long");
    const json emoji = run.shot("emoji");
    CHECK(emoji["entry_error"] != "");
    CHECK(emoji["track_step"] == "number");
    CHECK(run.shot("looked-up")["track_step"] == "not_found");  // an empty store: a clear "not found"
}

TEST_CASE("notices: list, filter, detail paged by buttons, and the detail's display record", "[ui][notices]") {
    const auto data = freshDataDir("notices");
    const KioskRun run = runKiosk("shot home\ntap home.tile.notices\nshot list\ntap notices.filter.finance\nshot finance\n"
                                  "tap notices.item.demo-finance-2026q3\nshot detail\ntap notices.detail.page_down\nshot detail-2\n"
                                  "tap nav.back\nshot back-to-list\ntap footer.large_text\ntap notices.filter.all\nshot list-large\n"
                                  "tap nav.home\ntap banner.emergency\nshot emergency\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json home = run.shot("home");
    CHECK(hasWidget(home, "banner.emergency"));  // the outage in force shows on Home
    CHECK(hasWidget(home, "home.guide"));
    const json list = run.shot("list");
    CHECK(list["notices_current"] == 5);  // the demo's seven, less the expired and the future one
    CHECK(hasWidget(list, "notices.item.demo-outage-1125"));
    CHECK_FALSE(hasWidget(list, "notices.item.demo-expired-greening"));
    CHECK_FALSE(hasWidget(list, "notices.item.demo-future-heating"));
    const json finance = run.shot("finance");
    CHECK(finance["notice_filter"] == "finance");
    CHECK(hasWidget(finance, "notices.item.demo-finance-2026q3"));
    CHECK_FALSE(hasWidget(finance, "notices.item.demo-outage-1125"));
    CHECK(run.shot("detail")["notice_open"] == "demo-finance-2026q3");
    CHECK(run.shot("detail-2")["notice_page"] == 1);
    CHECK(run.shot("back-to-list")["notice_open"] == "");
    checkTargets(run.shot("list-large"));
    CHECK(run.shot("emergency")["notice_open"] == "demo-outage-1125");

    const auto records = displays(data);
    REQUIRE(records.size() == 2);
    CHECK(records[0].noticeId == "demo-finance-2026q3");
    CHECK(records[0].context == "detail");
    CHECK(records[1].noticeId == "demo-outage-1125");
    std::tm fixed{};
    strptime("2026-11-23 09:30", "%Y-%m-%d %H:%M", &fixed);
    fixed.tm_isdst = -1;
    CHECK(records[0].shownAt == static_cast<std::int64_t>(std::mktime(&fixed)));
}

TEST_CASE("in landscape large text, notice rows and pages keep clear of Back and Home", "[ui][notices]") {
    const auto data = freshDataDir("notices-landscape");
    const KioskRun run = runKiosk("tap footer.large_text\ntap footer.language\ntap home.tile.notices\nshot list\n"
                                  "tap notices.page_down\nshot list-2\ntap notices.filter.finance\n"
                                  "tap notices.item.demo-finance-2026q3\nshot detail\ntap notices.detail.page_down\nshot detail-2\n",
                                  {"--data", data.string(), "--orientation", "landscape"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    for (const char* name : {"list", "list-2", "detail", "detail-2"}) {
        INFO(name);
        checkTargets(run.shot(name));
    }
    CHECK(run.shot("list-2")["notice_page"] == 1);
    CHECK(run.shot("detail-2")["notice_page"] == 1);
}

TEST_CASE("unused, the terminal shows the emergency takeover, a touch only wakes it", "[ui][notices][idle]") {
    const auto data = freshDataDir("takeover");
    const KioskRun run = runKiosk("wait 2600\nshot takeover\ntap home.tile.repair\nshot woke\n",
                                  {"--data", data.string(), "--attract-seconds", "2"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json takeover = run.shot("takeover");
    CHECK(takeover["idle_show"] == "takeover");
    CHECK(takeover["idle_show_notice"] == "demo-outage-1125");
    const json woke = run.shot("woke");
    CHECK(woke["screen"] == "home");  // the finger landed on the repair tile's place: nothing opened
    CHECK(woke["idle_show"] == "off");
    const auto records = displays(data);
    REQUIRE_FALSE(records.empty());
    CHECK(records[0].noticeId == "demo-outage-1125");
    CHECK(records[0].context == "takeover");
}

TEST_CASE("a scanner or keyboard typing during the takeover only wakes the terminal", "[ui][notices][idle]") {
    const auto data = freshDataDir("takeover-key");
    const KioskRun run = runKiosk("wait 2600\nshot showing\ntype 12345678\nshot woke\ntap home.tile.track\nshot track\n",
                                  {"--data", data.string(), "--attract-seconds", "2"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("showing")["idle_show"] == "takeover");
    const json woke = run.shot("woke");
    CHECK(woke["idle_show"] == "off");
    CHECK(woke["screen"] == "home");
    const json track = run.shot("track");
    CHECK(track["screen"] == "track");
    CHECK(track["prompting"] == false);
}

TEST_CASE("with no emergency, the attract loop cycles the current notices with 'touch to start'", "[ui][notices][idle]") {
    const auto data = freshDataDir("attract");
    std::filesystem::create_directories(data);
    {
        auto notices = homedesk::store::testing::openNotices((data / "homedesk.db").string());
        REQUIRE(notices.ok());
        store::StoredNotice a{"loop-a", 1, "第一条", "正文一", "event", false, false, 0, std::nullopt, false, "First", "Body one"};
        store::StoredNotice b{"loop-b", 1, "第二条", "正文二", "general", false, true, 0, std::nullopt, false, "", ""};
        REQUIRE(notices->applyChange(a, {}, 1).ok());
        REQUIRE(notices->applyChange(b, {}, 1).ok());
    }
    const KioskRun run = runKiosk("wait 1500\nshot first\nwait 8200\nshot second\ntap attract.anywhere\nshot woke\n"
                                  "tap home.tile.notices\nshot list\n",
                                  {"--data", data.string(), "--attract-seconds", "1"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json first = run.shot("first"), second = run.shot("second");
    CHECK(first["idle_show"] == "attract");
    CHECK(first["idle_show_notice"] == "loop-b");  // pinned first
    CHECK(second["idle_show_notice"] == "loop-a");
    CHECK(hasWidget(first, "attract.anywhere"));
    CHECK(run.shot("woke")["screen"] == "home");
    CHECK(run.shot("list")["notices_current"] == 2);  // no demo notices in a store that had its own
    const auto records = displays(data);
    REQUIRE(records.size() == 2);
    CHECK(records[0].context == "attract");
    CHECK(records[0].noticeId == "loop-b");
    CHECK(records[1].noticeId == "loop-a");
}

TEST_CASE("the service guide is reachable from Home and every section fits in both orientations", "[ui][guide]") {
    std::string script = "tap home.guide\n";
    for (const char* s : {"stewards", "hours", "fees", "promises", "emergency"})
        script += std::string("tap guide.section.") + s + "\nshot " + s + "\n";
    script += "tap footer.large_text\ntap guide.section.promises\nshot promises-large\ntap nav.home\nshot home\n";
    for (const char* orientation : {"portrait", "landscape"}) {
        const KioskRun run = runKiosk(script, {"--orientation", orientation, "--data", freshDataDir(orientation).string()});
        INFO(orientation << "\n" << run.output);
        REQUIRE(run.exitCode == 0);
        for (const char* s : {"stewards", "hours", "fees", "promises", "emergency", "promises-large"}) {
            INFO(s);
            const json shot = run.shot(s);
            CHECK(shot["screen"] == "guide");
            checkTargets(shot);
        }
        CHECK(run.shot("home")["screen"] == "home");
    }
}
