// Filing a complaint and answering the survey by tapping the real screens, then reading what
// landed in the SQLite file the run used.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "kiosk/store/sqlite_db.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/ui/run_kiosk.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::test;
using nlohmann::json;

namespace {

std::filesystem::path freshDataDir(const char* name) { return test::freshDataDir("cs", name); }

// One row of a query on the run's database, as text columns.
std::vector<std::string> row(const std::filesystem::path& data, const std::string& sql, const std::string& arg, int columns) {
    auto db = store::Db::open((data / "homedesk.db").string());
    REQUIRE(db.ok());
    auto stmt = db->prepare(sql);
    REQUIRE(stmt.ok());
    stmt->bind(1, arg);
    auto found = stmt->step();
    REQUIRE(found.ok());
    std::vector<std::string> out;
    if (!*found) return out;
    for (int i = 0; i < columns; ++i) out.push_back(stmt->isNull(i) ? "NULL" : stmt->text(i));
    return out;
}

const std::string kAnonymousToGm =
    "tap home.tile.complaint\nshot category\ntap complaint.category.environment\nshot description\n"
    "tap complaint.phrase.1\ntap complaint.phrase.4\ntype , since Monday\nshot description-filled\ntap complaint.next\nshot route\n"
    "tap complaint.route.gm\nshot identity\ntap complaint.identity.anonymous\nshot confirm\ntap complaint.confirm\nshot receipt\n";

const std::string kLowScoreSurvey =
    "tap home.tile.survey\nshot rate-1\ntap survey.score.2\nshot follow-up\ntap survey.follow_up.litter\nshot rate-2\n"
    "tap survey.score.5\ntap survey.score.4\ntap survey.score.4\ntap survey.score.3\ntap survey.score.4\nshot suggestion\n"
    "type More benches \xF0\x9F\x98\x80\nshot suggestion-typed\ntap survey.next\nshot review\ntap survey.submit\nshot thanks\n";

void checkTargets(const json& shot) {
    CHECK(shot["missing_glyphs"].empty());
    const float floor = float(shot["min_target_px"]);
    for (const auto& w : shot["widgets"]) {
        INFO(w["id"]);
        CHECK(float(w["w"]) >= floor);
        CHECK(float(w["h"]) >= floor);
        CHECK(float(w["x"]) >= 0);
        CHECK(float(w["x"]) + float(w["w"]) <= float(shot["width"]));
        CHECK(float(w["y"]) + float(w["h"]) <= float(shot["height"]));
    }
    // No target lies over another: a finger meant for one must not land on its neighbour.
    const auto& ws = shot["widgets"];
    for (size_t i = 0; i < ws.size(); ++i)
        for (size_t j = i + 1; j < ws.size(); ++j) {
            const auto &a = ws[i], &b = ws[j];
            const bool apart = float(a["x"]) + float(a["w"]) <= float(b["x"]) || float(b["x"]) + float(b["w"]) <= float(a["x"]) ||
                               float(a["y"]) + float(a["h"]) <= float(b["y"]) || float(b["y"]) + float(b["h"]) <= float(a["y"]);
            INFO(a["id"] << " and " << b["id"]);
            CHECK(apart);
        }
}

}  // namespace

TEST_CASE("an anonymous complaint to the general manager filed by touch is in the store with no phone", "[ui][complaint]") {
    const auto data = freshDataDir("anon");
    const KioskRun run = runKiosk(kAnonymousToGm, {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("identity")["complaint_step"] == "identity");
    CHECK(run.shot("confirm")["complaint_step"] == "confirm");  // no phone step when anonymous
    const json receipt = run.shot("receipt");
    REQUIRE(receipt["complaint_step"] == "receipt");
    const std::string code = receipt["receipt_code"];

    const auto t = row(data, "SELECT kind, category, description, anonymous, to_general_manager, phone_last4, client_id "
                             "FROM tickets WHERE tracking_code = ?1", code, 7);
    REQUIRE(t.size() == 7);
    CHECK(t[0] == "complaint");
    CHECK(t[1] == "environment");
    CHECK(t[2] == "垃圾清运不及时，有异味, since Monday");
    CHECK(t[3] == "1");
    CHECK(t[4] == "1");
    CHECK(t[5].empty());
    const auto queued = row(data, "SELECT kind, payload, phone_sealed FROM outbox WHERE client_id = ?1", t[6], 3);
    REQUIRE(queued.size() == 3);
    CHECK(queued[0] == "complaint");
    CHECK(queued[2] == "NULL");  // no phone sealed either
    const json payload = json::parse(queued[1]);
    CHECK(payload["anonymous"] == true);
    CHECK(payload["to_general_manager"] == true);
    CHECK(payload["tracking_code"] == code);
    CHECK_FALSE(payload.contains("phone"));
}

TEST_CASE("a named complaint keeps its phone sealed and can be tracked by the last four digits", "[ui][complaint]") {
    const auto data = freshDataDir("named");
    const KioskRun run = runKiosk("tap home.tile.complaint\ntap complaint.category.fees\ntap complaint.phrase.2\ntap complaint.next\n"
                                  "tap complaint.route.desk\ntap complaint.identity.named\n" + keypadTaps("139") +
                                  "tap complaint.next\nshot refused\n" + keypadTaps("87654321") + "shot phone\ntap complaint.next\n"
                                  "shot confirm\ntap complaint.confirm\nshot receipt\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("refused")["flow_error"] == "complaint.error.phone");
    CHECK(run.shot("confirm")["complaint_step"] == "confirm");
    const std::string code = run.shot("receipt")["receipt_code"];
    auto store = homedesk::store::testing::openTickets((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(store.ok());
    auto found = store->findForTracking(code, "4321");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->kind == TicketKind::Complaint);
    CHECK((*found)->description == "收支没有公示");
    auto outbox = homedesk::store::testing::openOutbox((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(outbox.ok());
    auto pending = outbox->pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    const json payload = json::parse(pending->front().payloadJson);
    CHECK(payload["phone"] == "13987654321");  // opened from the seal for sending only
    CHECK(payload["to_general_manager"] == false);
}

TEST_CASE("the standing survey answered by touch with a low score and its follow-up is in the store", "[ui][survey]") {
    const auto data = freshDataDir("survey");
    const KioskRun run = runKiosk(kLowScoreSurvey, {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json first = run.shot("rate-1");
    CHECK(first["survey_step"] == "rate");
    CHECK(first["survey_dimension"] == "environment");
    CHECK(run.shot("follow-up")["survey_step"] == "follow_up");
    CHECK(run.shot("rate-2")["survey_dimension"] == "repair");
    CHECK(run.shot("suggestion")["survey_step"] == "suggestion");
    CHECK(run.shot("suggestion-typed")["entry_error"] == "entry.error.unsupported");  // the emoji, said on screen
    CHECK(run.shot("review")["survey_step"] == "review");
    REQUIRE(run.shot("thanks")["survey_step"] == "thanks");

    auto db = store::Db::open((data / "homedesk.db").string());
    REQUIRE(db.ok());
    auto count = db->queryInt("SELECT count(*) FROM survey_responses");
    REQUIRE(count.ok());
    REQUIRE(*count == 1);
    auto stmt = db->prepare("SELECT r.survey_id, r.survey_version, r.answers, r.ticket_number, o.kind, o.payload "
                            "FROM survey_responses r JOIN outbox o ON o.client_id = r.client_id");
    REQUIRE(stmt.ok());
    auto found = stmt->step();
    REQUIRE(found.ok());
    REQUIRE(*found);  // the response has its outbox item
    CHECK(stmt->text(0) == "standing");
    CHECK(stmt->integer(1) == 1);
    CHECK(stmt->isNull(3));
    CHECK(stmt->text(4) == "survey");
    const json answers = json::parse(stmt->text(2));
    CHECK(answers["scores"] == json({{"environment", 2}, {"repair", 5}, {"security", 4}, {"facilities", 4},
                                     {"communication", 3}, {"fees", 4}}));
    CHECK(answers["follow_up"] == json({{"environment", "litter"}}));
    CHECK(answers["suggestion"] == "More benches ");
    const json payload = json::parse(stmt->text(5));
    CHECK(payload["survey_id"] == "standing");
    CHECK(payload["survey_version"] == 1);
    CHECK(payload["answers"] == answers);
}

TEST_CASE("every complaint and survey screen keeps its targets in both orientations, large text and English", "[ui][complaint][survey]") {
    for (const char* orientation : {"portrait", "landscape"}) {
        for (const std::string mode : {"large", "english", "english-large"}) {
            const bool large = mode != "english";
            const std::string setup = (mode == "large" ? "" : "tap footer.language\n") + std::string(large ? "tap footer.large_text\n" : "");
            const KioskRun run = runKiosk(setup + kAnonymousToGm + "tap complaint.done\n" + kLowScoreSurvey, {"--orientation", orientation});
            INFO(orientation << " " << mode << "\n" << run.output);
            REQUIRE(run.exitCode == 0);
            for (const char* name : {"category", "description", "description-filled", "route", "identity", "confirm", "receipt",
                                     "rate-1", "follow-up", "rate-2", "suggestion", "suggestion-typed", "review", "thanks"}) {
                INFO(name);
                const json shot = run.shot(name);
                CHECK(shot["large_text"].get<bool>() == large);
                checkTargets(shot);
            }
        }
    }
}

TEST_CASE("the complaint description takes the on-screen keyboard and a named complaint is trackable", "[ui][complaint]") {
    const auto data = freshDataDir("keyboard");
    const KioskRun run = runKiosk("tap home.tile.complaint\ntap complaint.category.suggestion\ntap complaint.phrase.2\n"
                                  "tap keyboard.space\ntap keyboard.shift\ntap keyboard.b\ntap keyboard.shift\ntap keyboard.y\n"
                                  "tap keyboard.space\ntap keyboard.2\nshot typed\ntap keyboard.backspace\ntap keyboard.backspace\n"
                                  "tap complaint.next\ntap complaint.route.desk\ntap complaint.identity.named\n" + keypadTaps("13912345678") +
                                  "tap complaint.next\nshot confirm\ntap complaint.confirm\nshot receipt\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("typed")["complaint_step"] == "description");
    const std::string code = run.shot("receipt")["receipt_code"];
    auto store = homedesk::store::testing::openTickets((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(store.ok());
    auto found = store->findForTracking(code, "5678");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->description == "希望增加休息座椅 By");
}

TEST_CASE("Back walks the complaint back step by step and Home leaves the survey, clearing it", "[ui][complaint][survey]") {
    const KioskRun run = runKiosk("tap home.tile.complaint\ntap complaint.category.security\ntap complaint.phrase.1\ntap complaint.next\n"
                                  "tap nav.back\nshot back-1\ntap nav.back\nshot back-2\ntap nav.back\nshot back-3\n"
                                  "tap home.tile.survey\ntap survey.score.1\nshot low\ntap nav.home\nshot home\n"
                                  "tap home.tile.survey\nshot again\n");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("back-1")["complaint_step"] == "description");
    CHECK(run.shot("back-2")["complaint_step"] == "category");
    CHECK(run.shot("back-3")["screen"] == "home");
    CHECK(run.shot("low")["survey_step"] == "follow_up");
    CHECK(run.shot("home")["screen"] == "home");
    const json again = run.shot("again");
    CHECK(again["survey_step"] == "rate");
    CHECK(again["survey_dimension"] == "environment");  // a fresh survey, nothing kept
}

TEST_CASE("the idle wipe clears a half-filled complaint", "[ui][complaint]") {
    const KioskRun run = runKiosk("tap home.tile.complaint\ntap complaint.category.other\ntap complaint.phrase.1\nshot typed\n"
                                  "wait 3500\nshot wiped\ntap home.tile.complaint\nshot fresh\n",
                                  {"--idle-seconds", "1", "--prompt-seconds", "1"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("typed")["complaint_step"] == "description");
    CHECK(run.shot("wiped")["screen"] == "home");
    CHECK(run.shot("fresh")["complaint_step"] == "category");
}
