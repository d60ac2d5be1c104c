// The SLA: deadlines, clock states and escalation steps as pure functions of stored times, and
// the sweep on a real SQLite file (each escalation once, also across a restart; pauses move the
// deadlines and are kept in the file).
#include "tests/unit/sync/desk_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using hq::ClockState;
using hq::SlaClass;
using protocol::TicketState;

namespace {

constexpr std::int64_t T0 = 1'800'000'000;
constexpr std::int64_t kMin = 60, kHour = 3600;

ClockState responseAt(SlaClass c, TicketState reached, std::int64_t after) {
    hq::SlaPolicy p;
    auto t = hq::startTimes(p, c, T0);
    hq::reach(t, p, c, reached, T0 + after);
    return hq::slaAt(t, p, c, T0 + after).response.state;
}

ClockState resolutionAt(SlaClass c, std::int64_t after) {
    hq::SlaPolicy p;
    auto t = hq::startTimes(p, c, T0);
    hq::reach(t, p, c, TicketState::Resolved, T0 + after);
    return hq::slaAt(t, p, c, T0 + after).resolution.state;
}

}  // namespace

TEST_CASE("the classes: urgent and ordinary repairs, complaints, follow-ups", "[sla]") {
    CHECK(hq::slaClassOf("repair", "urgent") == SlaClass::UrgentRepair);
    CHECK(hq::slaClassOf("repair", "normal") == SlaClass::Repair);
    CHECK(hq::slaClassOf("repair", "") == SlaClass::Repair);
    CHECK(hq::slaClassOf("complaint", "urgent") == SlaClass::Complaint);
    CHECK(hq::slaClassOf("followup", "") == SlaClass::FollowUp);
    CHECK(hq::responseMilestone(SlaClass::UrgentRepair) == TicketState::Dispatched);
    CHECK(hq::responseMilestone(SlaClass::Complaint) == TicketState::Accepted);
}

TEST_CASE("urgent repair: dispatched within 30 minutes", "[sla][rules]") {
    CHECK(responseAt(SlaClass::UrgentRepair, TicketState::Dispatched, 30 * kMin) ==
          ClockState::Met);
    CHECK(responseAt(SlaClass::UrgentRepair, TicketState::Dispatched, 30 * kMin + 1) ==
          ClockState::MetLate);
    // Accepting is not the urgent repair's promise.
    CHECK(responseAt(SlaClass::UrgentRepair, TicketState::Accepted, 29 * kMin) ==
          ClockState::Warning);
    CHECK(responseAt(SlaClass::UrgentRepair, TicketState::Accepted, 31 * kMin) ==
          ClockState::Breached);
}

TEST_CASE("ordinary repair: dispatched within 24 hours", "[sla][rules]") {
    CHECK(responseAt(SlaClass::Repair, TicketState::Dispatched, 24 * kHour) == ClockState::Met);
    CHECK(responseAt(SlaClass::Repair, TicketState::Dispatched, 24 * kHour + 1) ==
          ClockState::MetLate);
}

TEST_CASE("complaint and follow-up: accepted within 24 hours", "[sla][rules]") {
    for (auto c : {SlaClass::Complaint, SlaClass::FollowUp}) {
        CHECK(responseAt(c, TicketState::Accepted, 24 * kHour) == ClockState::Met);
        CHECK(responseAt(c, TicketState::Accepted, 24 * kHour + 1) == ClockState::MetLate);
    }
}

TEST_CASE("resolution: 24 hours urgent, 48 hours the others", "[sla][rules]") {
    CHECK(resolutionAt(SlaClass::UrgentRepair, 24 * kHour) == ClockState::Met);
    CHECK(resolutionAt(SlaClass::UrgentRepair, 24 * kHour + 1) == ClockState::MetLate);
    for (auto c : {SlaClass::Repair, SlaClass::Complaint, SlaClass::FollowUp}) {
        CHECK(resolutionAt(c, 48 * kHour) == ClockState::Met);
        CHECK(resolutionAt(c, 48 * kHour + 1) == ClockState::MetLate);
    }
}

TEST_CASE("callback: within 24 hours of resolved", "[sla][rules]") {
    hq::SlaPolicy p;
    const auto c = SlaClass::Repair;
    auto t = hq::startTimes(p, c, T0);
    CHECK_FALSE(hq::slaAt(t, p, c, T0).callback.has_value());
    hq::reach(t, p, c, TicketState::Resolved, T0 + 5 * kHour);
    REQUIRE(t.callback_due_at == std::optional<std::int64_t>(T0 + 29 * kHour));
    CHECK(hq::slaAt(t, p, c, T0 + 29 * kHour).callback->state == ClockState::Warning);
    CHECK(hq::slaAt(t, p, c, T0 + 29 * kHour + 1).callback->state == ClockState::Breached);
    auto late = t;
    hq::reach(t, p, c, TicketState::CallbackDone, T0 + 29 * kHour);
    CHECK(hq::slaAt(t, p, c, T0 + 40 * kHour).callback->state == ClockState::Met);
    hq::reach(late, p, c, TicketState::CallbackDone, T0 + 29 * kHour + 1);
    CHECK(hq::slaAt(late, p, c, T0 + 40 * kHour).callback->state == ClockState::MetLate);
}

TEST_CASE("warning from three quarters of the allowed time", "[sla]") {
    hq::SlaPolicy p;
    const auto c = SlaClass::Repair;  // 24 h response: warning from 18 h
    const auto t = hq::startTimes(p, c, T0);
    CHECK(hq::slaAt(t, p, c, T0 + 18 * kHour - 1).response.state == ClockState::Ok);
    CHECK(hq::slaAt(t, p, c, T0 + 18 * kHour).response.state == ClockState::Warning);
    CHECK(hq::slaAt(t, p, c, T0 + 24 * kHour).response.state == ClockState::Warning);
    CHECK(hq::slaAt(t, p, c, T0 + 24 * kHour + 1).response.state == ClockState::Breached);
    p.warn_share = 0.5;
    CHECK(hq::slaAt(t, p, c, T0 + 12 * kHour).response.state == ClockState::Warning);
}

TEST_CASE("a pause stops the clocks and moves every open deadline by its length", "[sla][pause]") {
    hq::SlaPolicy p;
    const auto c = SlaClass::Repair;
    auto t = hq::startTimes(p, c, T0);
    hq::reach(t, p, c, TicketState::Dispatched, T0 + kHour);  // response met
    hq::pauseClocks(t, T0 + 2 * kHour);
    CHECK(hq::slaAt(t, p, c, T0 + 100 * kHour).resolution.state == ClockState::Paused);
    CHECK(hq::slaAt(t, p, c, T0 + 100 * kHour).response.state == ClockState::Met);
    CHECK_FALSE(hq::nextDue(t).has_value());
    CHECK_FALSE(hq::dueEscalation(t, p, T0 + 100 * kHour).has_value());
    hq::resumeClocks(t, T0 + 7 * kHour);
    CHECK(t.resolve_due_at == T0 + 48 * kHour + 5 * kHour);
    CHECK(t.response_due_at == T0 + 24 * kHour);  // met deadlines stay
    CHECK_FALSE(t.paused_since.has_value());
    CHECK(hq::slaAt(t, p, c, T0 + 53 * kHour).resolution.state == ClockState::Warning);
    CHECK(hq::slaAt(t, p, c, T0 + 53 * kHour + 1).resolution.state == ClockState::Breached);
}

TEST_CASE("escalation steps: level 1 at the breach, level 2 two hours later", "[sla][escalation]") {
    hq::SlaPolicy p;
    const auto c = SlaClass::UrgentRepair;
    auto t = hq::startTimes(p, c, T0);
    CHECK_FALSE(hq::dueEscalation(t, p, T0 + 30 * kMin).has_value());
    auto step = hq::dueEscalation(t, p, T0 + 30 * kMin + 1);
    REQUIRE(step);
    CHECK(step->level == 1);
    CHECK(step->due_at == T0 + 30 * kMin);
    t.escalation = 1;
    t.escalated_at = step->due_at;
    CHECK_FALSE(hq::dueEscalation(t, p, T0 + 150 * kMin - 1).has_value());
    step = hq::dueEscalation(t, p, T0 + 150 * kMin);
    REQUIRE(step);
    CHECK(step->level == 2);
    t.escalation = 2;
    CHECK_FALSE(hq::dueEscalation(t, p, T0 + 1000 * kHour).has_value());
}

TEST_CASE("the sweep escalates once per level, and a restart neither repeats nor misses",
          "[sla][sweep]") {
    DeskFixture f;
    const std::int64_t filed = f.now;
    const std::string urgent = f.file(f.terminalA, "urgent");
    const std::string calm = f.file(f.terminalA, "normal");
    f.now = filed + 30 * kMin;
    CHECK(f.desk->sweep(f.now).value() == 0);
    f.now = filed + 30 * kMin + 1;
    CHECK(f.row(urgent).sla.escalation == 0);
    CHECK(f.desk->sweep(f.now).value() == 1);
    CHECK(f.desk->sweep(f.now).value() == 0);
    auto level1 = f.events(urgent, "escalate");
    REQUIRE(level1.size() == 1);
    CHECK(level1[0].actor == "system");
    CHECK(level1[0].note == "level 1 to supervisor: alice");  // the community's admin
    CHECK(f.row(urgent).sla.escalation == 1);
    CHECK(f.row(calm).sla.escalation == 0);

    f.reopen();
    CHECK(f.desk->sweep(f.now + 60).value() == 0);
    f.now = filed + 30 * kMin + 2 * kHour - 1;
    CHECK(f.desk->sweep(f.now).value() == 0);
    f.now += 1;
    CHECK(f.desk->sweep(f.now).value() == 1);
    f.reopen();
    CHECK(f.desk->sweep(f.now + 3600).value() == 0);
    const auto steps = f.events(urgent, "escalate");
    REQUIRE(steps.size() == 2);
    CHECK(steps[1].note == "level 2 to general manager");
    CHECK(f.row(urgent).sla.escalation == 2);
    const auto audit = f.audit(urgent);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].rfind("system ticket.escalate {\"escalation\":0}", 0) == 0);
    CHECK(audit[1].rfind("system ticket.escalate {\"escalation\":1}", 0) == 0);
}

TEST_CASE("a sweep after a long outage writes both levels at once", "[sla][sweep]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA, "normal");
    f.reopen();
    f.now += 3 * 24 * kHour;
    CHECK(f.desk->sweep(f.now).value() == 2);
    CHECK(f.desk->sweep(f.now).value() == 0);
    CHECK(f.events(n, "escalate").size() == 2);
    hq::InboxQuery q;
    q.escalated = true;
    CHECK(f.desk->inbox(f.deskA, q, f.now)->total == 1);
}

TEST_CASE("a paused ticket is not escalated, and its pause survives a restart", "[sla][pause]") {
    DeskFixture f;
    const std::int64_t filed = f.now;
    const std::string n = f.file(f.terminalA, "normal");
    f.mustAct(f.deskA, n, {"accept"});
    f.now = filed + kHour;
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    f.mustAct(f.tech, n, {"start"});
    f.now = filed + 2 * kHour;
    auto paused = f.act(f.tech, n, {"pause", "", std::nullopt, std::string("waiting_parts")});
    REQUIRE(paused.ok());
    CHECK(paused->ticket.pause_reason == std::optional<std::string>("waiting_parts"));
    CHECK(refusal(f.act(f.tech, n, {"finish", "done"})) == hq::DeskRefusal::Conflict);
    CHECK(refusal(f.act(f.tech, n, {"pause", "", std::nullopt, std::string("lunch")})) ==
          hq::DeskRefusal::Conflict);
    hq::InboxQuery q;
    q.paused = true;
    CHECK(f.desk->inbox(f.deskA, q, f.now)->total == 1);

    f.reopen();
    f.now = filed + 100 * kHour;  // far past the 48 h, but paused
    CHECK(f.desk->sweep(f.now).value() == 0);
    q = {};
    q.overdue = true;
    CHECK(f.desk->inbox(f.deskA, q, f.now)->total == 0);
    auto resumed = f.act(f.tech, n, {"resume"});
    REQUIRE(resumed.ok());
    CHECK(resumed->ticket.sla.resolve_due_at == filed + 48 * kHour + 98 * kHour);
    CHECK(f.desk->slaOf(resumed->ticket, f.now).resolution.state == ClockState::Ok);
    CHECK(f.desk->sweep(f.now).value() == 0);
    const auto audit = f.audit(n);
    CHECK(audit.back().rfind("tom ticket.resume ", 0) == 0);
    CHECK(audit.back().find("\"resolve_due_at\":" + std::to_string(filed + 146 * kHour)) !=
          std::string::npos);
    f.now = filed + 146 * kHour + 1;
    CHECK(f.desk->sweep(f.now).value() == 1);
}

TEST_CASE("resolved and callback times are recorded, and a follow-up gets its deadlines",
          "[sla][ingest]") {
    DeskFixture f;
    const std::int64_t filed = f.now;
    const std::string n = f.file(f.terminalA, "normal");
    f.mustAct(f.deskA, n, {"accept"});
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    f.mustAct(f.tech, n, {"start"});
    f.now = filed + 5 * kHour;
    f.mustAct(f.tech, n, {"finish", "fixed"});
    auto t = f.row(n);
    CHECK(t.sla.resolved_at == std::optional<std::int64_t>(filed + 5 * kHour));
    CHECK(t.sla.callback_due_at == std::optional<std::int64_t>(filed + 29 * kHour));
    // The terminal's callback survey, scored low: callback met, a follow-up opened.
    f.now = filed + 6 * kHour;
    protocol::Submission survey;
    survey.client_id = "c-survey-0001-abcd";
    survey.kind = protocol::SubmissionKind::Survey;
    survey.created_at = f.now;
    REQUIRE(t.tracking_code);
    survey.payload = {{"ticket_number", n},
                      {"tracking_code", *t.tracking_code},
                      {"answers", {{"scores", {{"repair", 1}}}}}};
    REQUIRE(f.store->storeSubmission(f.terminalA, survey, f.now).ok());
    t = f.row(n);
    CHECK(t.status == TicketState::CallbackDone);
    CHECK(t.sla.callback_met_at == std::optional<std::int64_t>(f.now));
    auto d = f.desk->ticket(f.admin, n);
    REQUIRE(d->followed_by.size() == 1);
    const auto followUp = f.row(d->followed_by[0]);
    CHECK(followUp.kind == "followup");
    CHECK(followUp.sla.response_due_at == f.now + 24 * kHour);
    CHECK(followUp.sla.resolve_due_at == f.now + 48 * kHour);
    CHECK(f.events(n, "callback").size() == 1);
    CHECK(f.audit(n).back().rfind("terminal:" + f.terminalA.id + " ticket.status", 0) == 0);
}
