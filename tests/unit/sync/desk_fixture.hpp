// A head office with a ticket desk on a real SQLite file and a movable clock: two communities
// (A with a terminal, B with a terminal), staff of each, and helpers to file repairs.
#pragma once

#include <catch2/catch.hpp>

#include "sync/hq/desk/ticket_desk.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "tests/unit/sync/hq_fixture.hpp"

namespace homedesk::testing {

inline hq::StaffUser staffUser(const std::string& name, hq::StaffRole role,
                               std::vector<std::string> communities) {
    hq::StaffUser u;
    u.username = name;
    u.role = role;
    if (communities.size() == 1 && communities[0] == "*")
        u.allCommunities = true;
    else
        u.communities = std::move(communities);
    return u;
}

struct DeskFixture : HqFixture {
    std::string communityB;
    hq::TerminalRecord terminalA, terminalB;
    hq::SlaPolicy policy;
    std::unique_ptr<hq::TicketDesk> desk;
    hq::StaffUser admin, deskA, deskB, tech, techB, viewer, editor;
    int filed = 0;

    DeskFixture() {
        communityB = store->addCommunity("月亮湾").value();
        const std::string buildingB = store->addBuilding(communityB, "1号楼").value();
        terminalA = terminalFor(enroll().terminal_id);
        auto codeB = store->createEnrollCode(communityB, std::nullopt, now + 3600);
        REQUIRE(codeB.ok());
        auto r = call("POST", "/enroll", "",
                      protocol::encode(protocol::EnrollRequest{codeB->code, "gate", "0.1"}));
        REQUIRE(r.status == 201);
        terminalB = terminalFor(protocol::decode<protocol::EnrollResponse>(r.body)->terminal_id);
        admin = addStaff("alice", hq::StaffRole::Admin, community);
        deskA = addStaff("dora", hq::StaffRole::Desk, community);
        deskB = addStaff("bob", hq::StaffRole::Desk, communityB);
        tech = addStaff("tom", hq::StaffRole::Technician, community);
        techB = addStaff("tina", hq::StaffRole::Technician, communityB);
        viewer = addStaff("vera", hq::StaffRole::Viewer, community);
        editor = addStaff("ed", hq::StaffRole::NoticeEditor, community);
        desk = std::make_unique<hq::TicketDesk>(*store, policy);
    }

    // A restart: everything closed, the same file opened again, a new desk.
    void reopen() {
        desk.reset();
        api.reset();
        hub.reset();
        store.reset();
        auto opened = hq::SqliteHqStore::open(dir.file("hq.db"));
        REQUIRE(opened.ok());
        store = std::move(opened.value());
        desk = std::make_unique<hq::TicketDesk>(*store, policy);
    }

    // The ticket's events of one action, e.g. all "escalate" events.
    std::vector<hq::DeskEvent> events(const std::string& number, const std::string& action) {
        auto d = desk->ticket(admin, number);
        REQUIRE(d.ok());
        std::vector<hq::DeskEvent> out;
        for (const auto& e : d->events)
            if (e.action == action) out.push_back(e);
        return out;
    }

    hq::TerminalRecord terminalFor(const std::string& id) {
        auto all = store->terminals();
        REQUIRE(all.ok());
        for (const auto& t : all.value())
            if (t.id == id) return t;
        FAIL("no terminal " << id);
        return {};
    }

    // Staff rows with a scope, as the console's staff commands make them.
    hq::StaffUser addStaff(const std::string& name, hq::StaffRole role,
                           const std::string& scope) {
        REQUIRE(store->addStaff(name, "x", role).ok());
        hq::Database db(dir.file("hq.db"));
        db.prepare("UPDATE staff SET communities = ? WHERE username = ?")
            .bind(1, scope).bind(2, name).run();
        return staffUser(name, role, {scope});
    }

    // Files a repair (or complaint) from `terminal` at `now`; answers the ticket number.
    std::string file(const hq::TerminalRecord& terminal, const std::string& urgency = "normal",
                     protocol::SubmissionKind kind = protocol::SubmissionKind::Repair,
                     nlohmann::json extra = nlohmann::json::object()) {
        protocol::Submission s;
        s.client_id = "c-desk-" + std::to_string(++filed) + "-abcdefgh";
        s.kind = kind;
        s.created_at = now;
        s.payload = {{"category", kind == protocol::SubmissionKind::Repair ? "plumbing" : "noise"},
                     {"location",
                      {{"kind", "home"}, {"building_id", building}, {"unit", "3-201"}, {"place_id", ""}}},
                     {"urgency", urgency},
                     {"description", "厨房水管漏水 kitchen pipe leaking " + std::to_string(filed)},
                     {"preferred_slot", "weekday_evening"},
                     {"anonymous", false},
                     {"to_general_manager", false},
                     {"tracking_code", std::to_string(40000000 + filed)},
                     {"phone", "13812345678"}};
        for (const auto& [k, v] : extra.items()) s.payload[k] = v;
        auto r = store->storeSubmission(terminal, s, now);
        REQUIRE(r.ok());
        REQUIRE(r->ticket_number);
        return *r->ticket_number;
    }

    Result<hq::DeskTicketDetail> act(const hq::StaffUser& who, const std::string& number,
                                     hq::DeskAction a) {
        return desk->act({who, "127.0.0.1"}, number, a, now);
    }

    hq::DeskTicketDetail mustAct(const hq::StaffUser& who, const std::string& number,
                                 hq::DeskAction a) {
        auto r = act(who, number, std::move(a));
        INFO((r.ok() ? std::string() : r.error().message));
        REQUIRE(r.ok());
        return r.value();
    }

    hq::DeskTicket row(const std::string& number) {
        auto d = desk->ticket(admin, number);
        REQUIRE(d.ok());
        return d->ticket;
    }

    std::vector<protocol::TicketStatusChange> feed(const hq::TerminalRecord& terminal) {
        auto f = store->ticketChangesSince(terminal, 0, 200);
        REQUIRE(f.ok());
        return f->changes;
    }

    // Audit rows of one target, oldest first: "action before after" lines.
    std::vector<std::string> audit(const std::string& number) {
        hq::Database db(dir.file("hq.db"));
        auto st = db.prepare("SELECT actor, action, before, after FROM audit WHERE target = ? ORDER BY id");
        st.bind(1, "ticket:" + number);
        std::vector<std::string> out;
        while (st.step())
            out.push_back(st.text(0) + " " + st.text(1) + " " + st.text(2) + " " + st.text(3));
        return out;
    }
};

inline hq::DeskRefusal refusal(const Result<hq::DeskTicketDetail>& r) {
    REQUIRE_FALSE(r.ok());
    return hq::refusalOf(r.error());
}

}  // namespace homedesk::testing
