// The console's ticket routes (ticketRoutes) on a real SQLite file: the JSON shapes of
// docs/console.md, the status codes of refusals, and strict input checks.
#include <nlohmann/json.hpp>

#include "sync/hq/console/console_routes.hpp"
#include "tests/unit/sync/desk_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using nlohmann::json;

namespace {

struct Routes {
    DeskFixture& f;

    hq::ConsoleResponse call(const hq::StaffUser& user, const std::string& method,
                             const std::string& path, const std::string& body = "",
                             std::map<std::string, std::string> query = {}) {
        hq::ConsoleRequest r{method, path, std::move(query), {}, "192.0.2.7", body};
        hq::ConsoleContext c{*f.store, *f.desk, r, user, f.now};
        return hq::ticketRoutes(c);
    }

    json ok(const hq::ConsoleResponse& r, int status = 200) {
        INFO(r.body);
        REQUIRE(r.status == status);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        return j;
    }

    std::string code(const hq::ConsoleResponse& r, int status) {
        INFO(r.body);
        CHECK(r.status == status);
        auto j = json::parse(r.body, nullptr, false);
        REQUIRE(j.contains("error"));
        return j["error"]["code"].get<std::string>();
    }
};

std::vector<std::string> keys(const json& j) {
    std::vector<std::string> out;
    for (const auto& [k, v] : j.items()) out.push_back(k);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("the inbox answers TicketRows with their SLA", "[console][tickets]") {
    DeskFixture f;
    Routes r{f};
    const std::string n = f.file(f.terminalA, "urgent");
    auto page = r.ok(r.call(f.deskA, "GET", "/console/api/tickets"));
    CHECK(keys(page) == std::vector<std::string>{"items", "limit", "page", "total"});
    CHECK(page["total"] == 1);
    CHECK(page["limit"] == 50);
    const json row = page["items"][0];
    CHECK(keys(row) == std::vector<std::string>{"assignee", "building_id", "category",
                                                "co_reporters", "community_id", "created_at",
                                                "kind", "number", "place", "sla", "status",
                                                "summary", "urgency"});
    CHECK(row["number"] == n);
    CHECK(row["assignee"].is_null());
    CHECK(row["urgency"] == "urgent");
    CHECK(row["status"] == "submitted");
    CHECK(keys(row["sla"]) ==
          std::vector<std::string>{"callback", "escalation", "paused", "resolution", "response"});
    CHECK(row["sla"]["response"]["due_at"] == f.now + 1800);
    CHECK(row["sla"]["response"]["met_at"].is_null());
    CHECK(row["sla"]["response"]["state"] == "ok");
    CHECK(row["sla"]["callback"].is_null());
    f.now += 1801;
    page = r.ok(r.call(f.deskA, "GET", "/console/api/tickets", "", {{"overdue", "1"}}));
    CHECK(page["items"][0]["sla"]["response"]["state"] == "breached");
}

TEST_CASE("one ticket answers the TicketDetail, the phone masked for a viewer",
          "[console][tickets]") {
    DeskFixture f;
    Routes r{f};
    const std::string n = f.file(f.terminalA);
    auto d = r.ok(r.call(f.deskA, "GET", "/console/api/tickets/" + n));
    for (const char* k : {"description", "location", "preferred_slot", "anonymous",
                          "to_general_manager", "phone", "tracking_code", "follows",
                          "followed_by", "co_reporters", "notes", "events", "sla", "summary"})
        CHECK(d.contains(k));
    CHECK(d["phone"] == "13812345678");
    CHECK(d["location"]["unit"] == "3-201");
    CHECK(d["location"]["kind"] == "home");
    CHECK(d["co_reporters"].is_array());
    CHECK(d["events"][0]["action"] == "submit");
    CHECK(keys(d["events"][0]) ==
          std::vector<std::string>{"action", "actor", "at", "from", "note", "to"});
    CHECK(r.ok(r.call(f.viewer, "GET", "/console/api/tickets/" + n))["phone"] == "138****5678");
    CHECK(r.code(r.call(f.deskB, "GET", "/console/api/tickets/" + n), 404) == "not_found");
    CHECK(r.code(r.call(f.deskA, "GET", "/console/api/tickets/R-999999"), 404) == "not_found");
    CHECK(r.code(r.call(f.deskA, "GET", "/console/api/tickets/../../etc"), 404) == "not_found");
}

TEST_CASE("actions answer 200, 400, 403, 404 and 409 as the contract says", "[console][tickets]") {
    DeskFixture f;
    Routes r{f};
    const std::string n = f.file(f.terminalA);
    const std::string path = "/console/api/tickets/" + n + "/actions";
    CHECK(r.code(r.call(f.viewer, "POST", path, R"({"action":"accept"})"), 403) == "forbidden");
    CHECK(r.code(r.call(f.deskB, "POST", path, R"({"action":"accept"})"), 404) == "not_found");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"start"})"), 409) == "conflict");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"explode"})"), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":1})"), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"(["accept"])"), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, "{"), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"accept","note":"a\u0007b"})"), 400) ==
          "bad_request");
    auto d = r.ok(r.call(f.deskA, "POST", path, R"({"action":"accept","note":"已受理"})"));
    CHECK(d["status"] == "accepted");
    CHECK(d["notes"][0]["text"] == "已受理");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"dispatch","assignee":"tina"})"), 400) ==
          "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"dispatch","assignee":"t m"})"), 400) ==
          "bad_request");
    auto assignees = r.ok(r.call(f.deskA, "GET", "/console/api/tickets/" + n + "/assignees"));
    REQUIRE(assignees["items"].size() == 1);
    CHECK(assignees["items"][0]["username"] == "tom");
    CHECK(r.code(r.call(f.tech, "GET", "/console/api/tickets/" + n + "/assignees"), 404) ==
          "not_found");
    d = r.ok(r.call(f.deskA, "POST", path, R"({"action":"dispatch","assignee":"tom"})"));
    CHECK(d["assignee"] == "tom");
    CHECK(d["sla"]["response"]["state"] == "met");
    d = r.ok(r.call(f.tech, "POST", path, R"({"action":"pause","reason":"waiting_resident"})"));
    CHECK(d["sla"]["paused"]["reason"] == "waiting_resident");
    CHECK(d["sla"]["resolution"]["state"] == "paused");
    CHECK(r.code(r.call(f.tech, "POST", path, R"({"action":"start"})"), 409) == "conflict");
    r.ok(r.call(f.tech, "POST", path, R"({"action":"resume"})"));
    r.ok(r.call(f.tech, "POST", path, R"({"action":"start"})"));
    CHECK(r.code(r.call(f.tech, "POST", path, R"({"action":"finish"})"), 400) == "bad_request");
    d = r.ok(r.call(f.tech, "POST", path, R"({"action":"finish","note":"已修好"})"));
    CHECK(d["status"] == "resolved");
    CHECK(d["sla"]["callback"]["state"] == "ok");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"action":"close","callback":"meh"})"), 400) ==
          "bad_request");
    d = r.ok(r.call(f.deskA, "POST", path, R"({"action":"close","callback":"unreachable"})"));
    CHECK(d["status"] == "callback_done");
    CHECK(d["events"].back()["note"] == "callback unreachable");
}

TEST_CASE("notes answer 201 Note and check their input", "[console][tickets]") {
    DeskFixture f;
    Routes r{f};
    const std::string n = f.file(f.terminalA);
    const std::string path = "/console/api/tickets/" + n + "/notes";
    auto note = r.ok(r.call(f.deskA, "POST", path, R"({"text":"下午到","visibility":"resident"})"),
                     201);
    CHECK(keys(note) == std::vector<std::string>{"at", "author", "id", "text", "visibility"});
    CHECK(note["author"] == "dora");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"text":"x","visibility":"everyone"})"), 400) ==
          "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path, R"({"visibility":"internal"})"), 400) ==
          "bad_request");
    CHECK(r.code(r.call(f.deskA, "POST", path,
                        json{{"text", std::string(2001, 'a')}, {"visibility", "internal"}}.dump()),
                 400) == "bad_request");
    CHECK(r.code(r.call(f.viewer, "POST", path, R"({"text":"x","visibility":"internal"})"), 403) ==
          "forbidden");
    CHECK(f.feed(f.terminalA).back().note == "下午到");
}

TEST_CASE("inbox query values are checked", "[console][tickets]") {
    DeskFixture f;
    Routes r{f};
    f.file(f.terminalA);
    const std::string path = "/console/api/tickets";
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"status", "lost"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"kind", "survey"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"limit", "500"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"page", "0"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"page", "2x"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"overdue", "yes"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"building", "b1' OR 1"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.deskA, "GET", path, "", {{"q", "a\nb"}}), 400) == "bad_request");
    CHECK(r.code(r.call(f.editor, "GET", path), 403) == "forbidden");
    CHECK(r.ok(r.call(f.deskA, "GET", path, "", {{"status", "open"}, {"limit", "1"}}))["total"] == 1);
    CHECK(r.ok(r.call(f.deskA, "GET", path, "", {{"q", "漏水"}}))["total"] == 1);
    CHECK(r.ok(r.call(f.deskA, "GET", path, "", {{"q", "no such words"}}))["total"] == 0);
    CHECK(r.code(r.call(f.deskA, "DELETE", path), 404) == "not_found");
}
