// The ticket desk's workflow on a real SQLite file: actions with their roles and states, scopes,
// the filing terminal's status feed, notes, co-reports and audit rows.
#include "tests/unit/sync/desk_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using hq::DeskAction;
using hq::DeskRefusal;
using protocol::TicketState;

TEST_CASE("a repair goes from submitted to callback_done, each step on the terminal's feed",
          "[desk][workflow]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    f.now += 60;
    f.mustAct(f.deskA, n, {"accept", "收到"});
    f.now += 60;
    auto d = f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    CHECK(d.ticket.assignee == std::optional<std::string>("tom"));
    CHECK(d.ticket.status == TicketState::Dispatched);
    f.now += 60;
    f.mustAct(f.tech, n, {"start"});
    f.now += 60;
    f.mustAct(f.tech, n, {"finish", "已更换水管 pipe replaced"});
    f.now += 60;
    d = f.mustAct(f.deskA, n, {"close", "", std::nullopt, std::nullopt, std::string("satisfied")});
    CHECK(d.ticket.status == TicketState::CallbackDone);
    CHECK(d.ticket.sla.callback_met_at == std::optional<std::int64_t>(f.now));

    const auto changes = f.feed(f.terminalA);
    REQUIRE(changes.size() == 6);
    CHECK(changes[1].status == TicketState::Accepted);
    CHECK(changes[1].note.empty());  // an action's note is internal
    CHECK(changes[2].status == TicketState::Dispatched);
    CHECK(changes[3].status == TicketState::InProgress);
    CHECK(changes[4].status == TicketState::Resolved);
    CHECK(changes[4].note == "已更换水管 pipe replaced");
    CHECK(changes[5].status == TicketState::CallbackDone);
    for (const auto& c : changes) CHECK(c.ticket_number == n);
    CHECK(f.feed(f.terminalB).empty());

    const auto audit = f.audit(n);
    REQUIRE(audit.size() == 5);
    CHECK(audit[0] == "dora ticket.accept {\"status\":\"submitted\"} {\"status\":\"accepted\"}");
    CHECK(audit[1].rfind("dora ticket.dispatch ", 0) == 0);
    CHECK(audit[1].find("\"assignee\":\"tom\"") != std::string::npos);
    CHECK(audit[2] == "tom ticket.start {\"status\":\"dispatched\"} {\"status\":\"in_progress\"}");
    CHECK(audit[3].rfind("tom ticket.finish ", 0) == 0);
    CHECK(audit[4].find("\"callback\":\"satisfied\"") != std::string::npos);

    d = f.desk->ticket(f.deskA, n).value();
    std::vector<std::string> actions;
    for (const auto& e : d.events) actions.push_back(e.action);
    CHECK(actions == std::vector<std::string>{"submit", "accept", "dispatch", "start", "finish",
                                              "close"});
    REQUIRE(d.notes.size() == 2);
    CHECK(d.notes[0].visibility == "internal");
    CHECK(d.notes[0].text == "收到");
    CHECK(d.notes[1].visibility == "resident");
}

TEST_CASE("wrong states answer conflict and nothing is written", "[desk][workflow]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    CHECK(refusal(f.act(f.deskA, n, {"start"})) == DeskRefusal::Conflict);
    CHECK(refusal(f.act(f.deskA, n, {"dispatch", "", std::string("tom")})) == DeskRefusal::Conflict);
    CHECK(refusal(f.act(f.deskA, n, {"finish", "done"})) == DeskRefusal::Conflict);
    CHECK(refusal(f.act(f.deskA, n, {"resume"})) == DeskRefusal::Conflict);
    f.mustAct(f.deskA, n, {"accept"});
    CHECK(refusal(f.act(f.deskA, n, {"accept"})) == DeskRefusal::Conflict);
    CHECK(refusal(f.act(f.deskA, n, {"close", "", std::nullopt, std::nullopt,
                                     std::string("satisfied")})) == DeskRefusal::Conflict);
    CHECK(f.audit(n).size() == 1);
    CHECK(f.feed(f.terminalA).size() == 2);
}

TEST_CASE("roles: a viewer and a notice editor cannot act, a technician only on their jobs",
          "[desk][workflow][roles]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    CHECK(refusal(f.act(f.viewer, n, {"accept"})) == DeskRefusal::Forbidden);
    CHECK(refusal(f.act(f.tech, n, {"accept"})) == DeskRefusal::NotFound);  // not their job
    CHECK(refusal(f.act(f.editor, n, {"accept"})) == DeskRefusal::NotFound);
    f.mustAct(f.admin, n, {"accept"});
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    CHECK(refusal(f.act(f.tech, n, {"dispatch", "", std::string("tom")})) == DeskRefusal::Forbidden);
    f.mustAct(f.tech, n, {"start"});
    CHECK(refusal(f.act(f.viewer, n, {"finish", "done"})) == DeskRefusal::Forbidden);
    CHECK(refusal(f.act(f.tech, n, {"close", "", std::nullopt, std::nullopt,
                                    std::string("satisfied")})) == DeskRefusal::Forbidden);
    CHECK(refusal(f.act(f.deskA, n, {"finish", ""})) == DeskRefusal::BadRequest);
    CHECK(refusal(f.act(f.deskA, n, {"fly"})) == DeskRefusal::BadRequest);
    CHECK(f.row(n).status == TicketState::InProgress);
}

TEST_CASE("dispatch goes only to a technician of the ticket's community, and reassigns",
          "[desk][workflow]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    f.mustAct(f.deskA, n, {"accept"});
    CHECK(refusal(f.act(f.deskA, n, {"dispatch", "", std::string("tina")})) == DeskRefusal::BadRequest);
    CHECK(refusal(f.act(f.deskA, n, {"dispatch", "", std::string("dora")})) == DeskRefusal::BadRequest);
    CHECK(refusal(f.act(f.deskA, n, {"dispatch", "", std::string("nobody")})) == DeskRefusal::BadRequest);
    CHECK(refusal(f.act(f.deskA, n, {"dispatch"})) == DeskRefusal::BadRequest);
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    f.addStaff("tim", hq::StaffRole::Technician, f.community);
    auto d = f.mustAct(f.deskA, n, {"dispatch", "", std::string("tim")});
    CHECK(d.ticket.assignee == std::optional<std::string>("tim"));
    CHECK(d.ticket.status == TicketState::Dispatched);
    CHECK(d.events.back().action == "reassign");
    CHECK(f.feed(f.terminalA).size() == 3);  // a reassignment is not a status change
    // Tom no longer sees it.
    CHECK(refusal(f.desk->ticket(f.tech, n)) == DeskRefusal::NotFound);
}

TEST_CASE("scopes: community A's desk neither sees nor changes B's tickets", "[desk][scope]") {
    DeskFixture f;
    const std::string a = f.file(f.terminalA);
    const std::string b = f.file(f.terminalB);
    CHECK(refusal(f.desk->ticket(f.deskA, b)) == DeskRefusal::NotFound);
    CHECK(refusal(f.act(f.deskA, b, {"accept"})) == DeskRefusal::NotFound);
    auto note = f.desk->addNote({f.deskA, ""}, b, "hello", "internal", f.now);
    REQUIRE_FALSE(note.ok());
    CHECK(hq::refusalOf(note.error()) == DeskRefusal::NotFound);
    auto listA = f.desk->inbox(f.deskA, {}, f.now);
    REQUIRE(listA.ok());
    REQUIRE(listA->total == 1);
    CHECK(listA->items[0].number == a);
    hq::InboxQuery askB;
    askB.community = f.communityB;
    CHECK(f.desk->inbox(f.deskA, askB, f.now)->total == 0);
    auto all = hq::StaffUser(f.admin);
    all.allCommunities = true;
    CHECK(f.desk->inbox(all, {}, f.now)->total == 2);
    CHECK(refusal(f.desk->ticket(f.deskB, a)) == DeskRefusal::NotFound);
    CHECK(f.audit(b).empty());
}

TEST_CASE("a technician's inbox is their own jobs, and a notice editor has none",
          "[desk][scope]") {
    DeskFixture f;
    const std::string mine = f.file(f.terminalA);
    f.file(f.terminalA);
    f.mustAct(f.deskA, mine, {"accept"});
    f.mustAct(f.deskA, mine, {"dispatch", "", std::string("tom")});
    auto list = f.desk->inbox(f.tech, {}, f.now);
    REQUIRE(list.ok());
    REQUIRE(list->total == 1);
    CHECK(list->items[0].number == mine);
    auto editor = f.desk->inbox(f.editor, {}, f.now);
    REQUIRE_FALSE(editor.ok());
    CHECK(hq::refusalOf(editor.error()) == DeskRefusal::Forbidden);
}

TEST_CASE("resident notes reach the terminal's feed, internal notes do not", "[desk][notes]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    auto internal = f.desk->addNote({f.deskA, "10.0.0.1"}, n, "住户脾气不好", "internal", f.now);
    REQUIRE(internal.ok());
    auto resident = f.desk->addNote({f.deskA, "10.0.0.1"}, n, "明天上午上门", "resident", f.now);
    REQUIRE(resident.ok());
    CHECK(resident->id > internal->id);
    const auto changes = f.feed(f.terminalA);
    REQUIRE(changes.size() == 2);
    CHECK(changes[1].note == "明天上午上门");
    CHECK(changes[1].status == TicketState::Submitted);
    for (const auto& c : changes) CHECK(c.note.find("脾气") == std::string::npos);
    // Viewers cannot write; a technician writes only internal notes on their jobs.
    CHECK_FALSE(f.desk->addNote({f.viewer, ""}, n, "x", "internal", f.now).ok());
    f.mustAct(f.deskA, n, {"accept"});
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    CHECK(f.desk->addNote({f.tech, ""}, n, "需要配件", "internal", f.now).ok());
    auto techResident = f.desk->addNote({f.tech, ""}, n, "hi", "resident", f.now);
    REQUIRE_FALSE(techResident.ok());
    CHECK(hq::refusalOf(techResident.error()) == DeskRefusal::Forbidden);
    // Text rules: control characters and empty text are refused.
    CHECK_FALSE(f.desk->addNote({f.deskA, ""}, n, "bad\x1b[31m", "internal", f.now).ok());
    CHECK_FALSE(f.desk->addNote({f.deskA, ""}, n, "", "internal", f.now).ok());
    CHECK_FALSE(f.desk->addNote({f.deskA, ""}, n, "x", "public", f.now).ok());
    const auto audit = f.audit(n);
    CHECK(audit.size() == 5);  // two notes, accept, dispatch, the technician's note
    CHECK(audit[0].find("ticket.note") != std::string::npos);
}

TEST_CASE("phones are full for desk, admin and the assignee, masked for the others",
          "[desk][phone]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    CHECK(f.desk->ticket(f.deskA, n)->phone == std::optional<std::string>("13812345678"));
    CHECK(f.desk->ticket(f.admin, n)->phone == std::optional<std::string>("13812345678"));
    CHECK(f.desk->ticket(f.viewer, n)->phone == std::optional<std::string>("138****5678"));
    f.mustAct(f.deskA, n, {"accept"});
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    CHECK(f.desk->ticket(f.tech, n)->phone == std::optional<std::string>("13812345678"));
}

TEST_CASE("a me-too report joins the open ticket of the same community", "[desk][co-report]") {
    DeskFixture f;
    const std::string n = f.file(f.terminalA);
    const std::string joined = f.file(f.terminalA, "normal", protocol::SubmissionKind::Repair,
                                      {{"co_report_of", n}, {"phone", "13900001111"}});
    CHECK(joined == n);
    // Another community's report naming it makes a ticket of its own.
    const std::string other = f.file(f.terminalB, "normal", protocol::SubmissionKind::Repair,
                                     {{"co_report_of", n}});
    CHECK(other != n);
    auto d = f.desk->ticket(f.deskA, n);
    REQUIRE(d.ok());
    CHECK(d->ticket.co_reporters == 1);
    REQUIRE(d->co_reports.size() == 1);
    CHECK(d->co_reports[0].phone == std::optional<std::string>("13900001111"));
    CHECK(f.desk->ticket(f.viewer, n)->co_reports[0].phone ==
          std::optional<std::string>("139****1111"));
    CHECK(f.desk->inbox(f.deskA, {}, f.now)->total == 1);
    // A resolved ticket is not joined.
    f.mustAct(f.deskA, n, {"accept"});
    f.mustAct(f.deskA, n, {"dispatch", "", std::string("tom")});
    f.mustAct(f.tech, n, {"start"});
    f.mustAct(f.tech, n, {"finish", "fixed"});
    CHECK(f.file(f.terminalA, "normal", protocol::SubmissionKind::Repair, {{"co_report_of", n}}) != n);
}

TEST_CASE("ingest fills the desk's columns from the payload", "[desk][ingest]") {
    DeskFixture f;
    const std::string long_text(200, 'x');
    const std::string n = f.file(f.terminalA, "urgent", protocol::SubmissionKind::Repair,
                                 {{"description", "第一行\n" + long_text}});
    const auto t = f.row(n);
    CHECK(t.category == "plumbing");
    CHECK(t.urgency == "urgent");
    CHECK(t.building_id == std::optional<std::string>(f.building));
    CHECK(t.place == "3-201");
    CHECK(t.summary == "第一行 " + std::string(76, 'x'));
    CHECK(t.tracking_code.has_value());
    CHECK(t.sla.response_due_at == f.now + 30 * 60);
    CHECK(t.sla.resolve_due_at == f.now + 24 * 3600);
}

TEST_CASE("the inbox filters and searches", "[desk][inbox]") {
    DeskFixture f;
    const std::string first = f.file(f.terminalA);
    f.now += 10;
    const std::string second = f.file(f.terminalA, "urgent");
    f.now += 10;
    const std::string complaint = f.file(f.terminalA, "", protocol::SubmissionKind::Complaint,
                                         {{"description", "楼上装修噪音 noise at night"}});
    auto ask = [&](hq::InboxQuery q) {
        auto page = f.desk->inbox(f.deskA, q, f.now);
        REQUIRE(page.ok());
        std::vector<std::string> out;
        for (const auto& t : page->items) out.push_back(t.number);
        return out;
    };
    CHECK(ask({}) == std::vector<std::string>{complaint, second, first});
    hq::InboxQuery q;
    q.kind = "complaint";
    CHECK(ask(q) == std::vector<std::string>{complaint});
    q = {};
    q.q = "噪音";
    CHECK(ask(q) == std::vector<std::string>{complaint});
    q.q = first;
    CHECK(ask(q) == std::vector<std::string>{first});
    q.q = f.row(second).tracking_code;
    CHECK(ask(q) == std::vector<std::string>{second});
    q.q = "100%";
    CHECK(ask(q).empty());
    f.mustAct(f.deskA, first, {"accept"});
    f.mustAct(f.deskA, first, {"dispatch", "", std::string("tom")});
    q = {};
    q.assignee = "tom";
    CHECK(ask(q) == std::vector<std::string>{first});
    q = {};
    q.status = "accepted";
    CHECK(ask(q).empty());
    q.status = "open";
    CHECK(ask(q).size() == 3);
    // Overdue: the urgent one (30 min) first, most overdue first.
    f.now += 3600;
    q = {};
    q.overdue = true;
    CHECK(ask(q) == std::vector<std::string>{second});
    f.now += 24 * 3600;
    CHECK(ask(q) == std::vector<std::string>{second, complaint});
    q = {};
    q.limit = 2;
    q.page = 2;
    auto page = f.desk->inbox(f.deskA, q, f.now);
    CHECK(page->total == 3);
    REQUIRE(page->items.size() == 1);
    CHECK(page->items[0].number == first);
}
