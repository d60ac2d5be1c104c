// Roles and community scopes in the console: what is outside a staff member's scope answers 404
// as if it did not exist; what their role may not do answers 403.
#include "tests/unit/sync/console_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using hq::StaffRole;
using nlohmann::json;

namespace {

// A terminal enrolled in community B through the terminals' API.
protocol::EnrollResponse enrollIn(ConsoleFixture& f, const std::string& community) {
    auto code = f.store->createEnrollCode(community, std::nullopt, f.now + 3600);
    REQUIRE(code.ok());
    auto r = f.call("POST", "/enroll", "", protocol::encode(protocol::EnrollRequest{code->code, "lobby", "0.1"}));
    REQUIRE(r.status == 201);
    return decoded<protocol::EnrollResponse>(r);
}

std::string noticeFor(const std::string& kind, const std::string& ref, const std::string& title) {
    json target = {{"kind", kind}};
    if (!ref.empty()) target["ref"] = ref;
    return json{{"title", title}, {"body", "正文"}, {"targets", json::array({target})}}.dump();
}

std::vector<std::string> ids(const json& list, const char* key = "id") {
    std::vector<std::string> out;
    for (const auto& item : list["items"]) out.push_back(item[key].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("Console: a desk user of community A sees nothing of community B (404), notices and fleet included") {
    ConsoleFixture f;
    f.addStaff("root", StaffRole::Admin, {"*"});
    f.addStaff("deskA", StaffRole::Desk, {f.community});
    const auto termA = enrollIn(f, f.community);
    const auto termB = enrollIn(f, f.communityB);
    Browser root = f.signIn("root");
    auto a = f.request("POST", "/console/api/notices", &root, noticeFor("community", f.community, "A 停水"));
    auto b = f.request("POST", "/console/api/notices", &root, noticeFor("community", f.communityB, "B 停电"));
    auto bt = f.request("POST", "/console/api/notices", &root, noticeFor("terminal", termB.terminal_id, "B 终端"));
    auto all = f.request("POST", "/console/api/notices", &root, noticeFor("all", "", "全体"));
    REQUIRE(a.status == 201);
    REQUIRE(b.status == 201);
    REQUIRE(bt.status == 201);
    REQUIRE(all.status == 201);
    const std::string idA = f.json(a)["id"], idB = f.json(b)["id"], idBt = f.json(bt)["id"],
                      idAll = f.json(all)["id"];

    Browser desk = f.signIn("deskA");
    auto list = f.request("GET", "/console/api/notices", &desk);
    REQUIRE(list.status == 200);
    auto seen = ids(f.json(list));
    CHECK(std::find(seen.begin(), seen.end(), idA) != seen.end());
    CHECK(std::find(seen.begin(), seen.end(), idAll) != seen.end());
    CHECK(std::find(seen.begin(), seen.end(), idB) == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), idBt) == seen.end());
    CHECK(f.request("GET", "/console/api/notices/" + idA, &desk).status == 200);
    CHECK(f.request("GET", "/console/api/notices/" + idB, &desk).status == 404);
    CHECK(f.request("GET", "/console/api/notices/" + idBt, &desk).status == 404);
    CHECK(f.request("GET", "/console/api/notices/n999", &desk).status == 404);
    CHECK(f.request("GET", "/console/api/notices", &desk, "", {}, {{"community", f.communityB}}).status == 404);
    // B's notice is 404 even for a change the role may not make (no probing through 403).
    CHECK(f.request("POST", "/console/api/notices/" + idB + "/retract", &desk).status == 404);

    auto fleet = f.request("GET", "/console/api/fleet", &desk);
    REQUIRE(fleet.status == 200);
    CHECK(ids(f.json(fleet)) == std::vector<std::string>{termA.terminal_id});
    CHECK(f.request("GET", "/console/api/fleet", &desk, "", {}, {{"community", f.communityB}}).status == 404);
    CHECK(f.request("POST", "/console/api/fleet/" + termB.terminal_id + "/revoke", &desk).status == 404);
    CHECK(f.request("POST", "/console/api/fleet/" + termA.terminal_id + "/revoke", &desk).status == 403);

    auto communities = f.request("GET", "/console/api/communities", &desk);
    REQUIRE(communities.status == 200);
    CHECK(ids(f.json(communities)) == std::vector<std::string>{f.community});
    // The dispatch picker: technicians of a community in scope only.
    CHECK(f.request("GET", "/console/api/staff", &desk, "", {}, {{"community", f.communityB}, {"role", "technician"}}).status == 404);
}

TEST_CASE("Console: an editor of community A cannot publish to B, to everyone, or change B's notices") {
    ConsoleFixture f;
    f.addStaff("root", StaffRole::Admin, {"*"});
    f.addStaff("edA", StaffRole::NoticeEditor, {f.community});
    Browser root = f.signIn("root");
    const std::string idB = f.json(f.request("POST", "/console/api/notices", &root,
                                             noticeFor("community", f.communityB, "B")))["id"];
    const std::string idAll = f.json(f.request("POST", "/console/api/notices", &root,
                                               noticeFor("all", "", "全体")))["id"];
    Browser ed = f.signIn("edA");
    CHECK(f.request("POST", "/console/api/notices", &ed, noticeFor("community", f.communityB, "x")).status == 404);
    CHECK(f.request("POST", "/console/api/notices", &ed, noticeFor("building", f.buildingB, "x")).status == 404);
    CHECK(f.request("POST", "/console/api/notices", &ed, noticeFor("all", "", "x")).status == 404);
    CHECK(f.request("PUT", "/console/api/notices/" + idB, &ed, noticeFor("community", f.community, "x")).status == 404);
    // Everyone's notice is visible to A but only someone with scope * may change it.
    CHECK(f.request("GET", "/console/api/notices/" + idAll, &ed).status == 200);
    CHECK(f.request("POST", "/console/api/notices/" + idAll + "/retract", &ed).status == 404);
    CHECK(f.request("POST", "/console/api/notices", &ed, noticeFor("building", f.building, "A 楼")).status == 201);
    auto stored = f.store->consoleNotices();
    REQUIRE(stored.ok());
    CHECK(stored->size() == 3);
}

TEST_CASE("Console: roles - a notice editor cannot touch tickets, a technician not notices or the fleet, only a full admin reads the audit log") {
    ConsoleFixture f;
    f.addStaff("ed", StaffRole::NoticeEditor, {"*"});
    f.addStaff("tech", StaffRole::Technician, {f.community});
    f.addStaff("viewer", StaffRole::Viewer, {"*"});
    f.addStaff("adminA", StaffRole::Admin, {f.community});
    f.addStaff("root", StaffRole::Admin, {"*"});
    Browser ed = f.signIn("ed");
    auto r = f.request("GET", "/console/api/tickets", &ed);
    CHECK(r.status == 403);
    CHECK(f.errorCode(r) == "forbidden");
    CHECK(f.request("POST", "/console/api/tickets/R-000001/actions", &ed, R"({"action":"accept"})").status == 403);
    CHECK(f.request("POST", "/console/api/tickets/R-000001/notes", &ed, R"({"text":"x"})").status == 403);

    Browser tech = f.signIn("tech");
    CHECK(f.request("GET", "/console/api/notices", &tech).status == 403);
    CHECK(f.request("GET", "/console/api/fleet", &tech).status == 403);

    Browser viewer = f.signIn("viewer");
    CHECK(f.request("GET", "/console/api/notices", &viewer).status == 200);
    CHECK(f.request("POST", "/console/api/notices", &viewer, noticeFor("all", "", "x")).status == 403);
    CHECK(f.request("POST", "/console/api/fleet/enroll-codes", &viewer,
                    json{{"community_id", f.community}}.dump()).status == 403);

    CHECK(f.request("GET", "/console/api/audit", &ed).status == 403);
    Browser adminA = f.signIn("adminA");
    CHECK(f.request("GET", "/console/api/audit", &adminA).status == 403);
    Browser root = f.signIn("root");
    auto audit = f.request("GET", "/console/api/audit", &root, "", {}, {{"action", "session.login"}});
    REQUIRE(audit.status == 200);
    CHECK(f.json(audit)["total"] == 5);
}

TEST_CASE("Console: through the router, community B's tickets are 404 for a desk user of A") {
    ConsoleFixture f;
    f.addStaff("deskA", StaffRole::Desk, {f.community});
    f.addStaff("deskB", StaffRole::Desk, {f.communityB});
    const auto termB = enrollIn(f, f.communityB);
    auto terminal = f.store->terminalByCredential(hq::credentialHash(termB.credential));
    REQUIRE(terminal.ok());
    REQUIRE(terminal.value());
    auto stored = f.store->storeSubmission(*terminal.value(), repair("client-b-0001"), f.now);
    REQUIRE(stored.ok());
    REQUIRE(stored->ticket_number);
    const std::string number = *stored->ticket_number;

    Browser b = f.signIn("deskB");
    REQUIRE(f.request("GET", "/console/api/tickets/" + number, &b).status == 200);
    Browser a = f.signIn("deskA");
    auto list = f.request("GET", "/console/api/tickets", &a);
    REQUIRE(list.status == 200);
    CHECK(f.json(list)["total"] == 0);
    CHECK(f.request("GET", "/console/api/tickets/" + number, &a).status == 404);
    CHECK(f.request("POST", "/console/api/tickets/" + number + "/actions", &a,
                    R"({"action":"accept"})").status == 404);
    CHECK(f.request("POST", "/console/api/tickets/" + number + "/notes", &a,
                    R"({"text":"x","visibility":"internal"})").status == 404);
    // Unchanged: still submitted, and no audit row from A.
    auto again = f.request("GET", "/console/api/tickets/" + number, &b);
    CHECK(f.json(again)["status"] == "submitted");
    hq::AuditQuery q;
    q.actor = "deskA";
    auto rows = f.store->auditLog(q);
    REQUIRE(rows.ok());
    for (const auto& row : rows->rows) CHECK(row.entry.action.rfind("session.", 0) == 0);
}
