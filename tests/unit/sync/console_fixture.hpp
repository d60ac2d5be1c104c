// The staff console without a network: a real SQLite file, the terminals' HqApi and the
// ConsoleApi on one movable clock, two communities, and helpers to add staff, sign in and call.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "sync/hq/console/console_api.hpp"
#include "sync/hq/credentials.hpp"
#include "sync/hq/desk/ticket_desk.hpp"
#include "tests/unit/sync/hq_fixture.hpp"

namespace homedesk::testing {

inline const std::string kPassword = "correct horse battery";

// A signed-in browser: its cookie and CSRF token.
struct Browser {
    std::string cookie;  // "hd_session=..."
    std::string csrf;
    std::string address = "192.0.2.10";
};

struct ConsoleFixture : HqFixture {
    std::string communityB;
    std::string buildingB;
    std::unique_ptr<hq::TicketDesk> desk;
    std::unique_ptr<hq::ConsoleApi> console;

    ConsoleFixture() {
        communityB = store->addCommunity("翠湖苑").value();
        buildingB = store->addBuilding(communityB, "1号楼").value();
        desk = std::make_unique<hq::TicketDesk>(*store, hq::SlaPolicy{});
        hq::ConsoleOptions options;
        options.publicUrl = "https://hq.test:8443";
        console = std::make_unique<hq::ConsoleApi>(*store, *desk, options, [this] { return now; });
    }

    void addStaff(const std::string& username, hq::StaffRole role,
                  std::vector<std::string> communities) {
        hq::NewStaff s;
        s.username = username;
        s.role = role;
        s.passwordHash = hq::hashPassword(kPassword);
        if (communities.size() == 1 && communities[0] == "*") s.allCommunities = true;
        else s.communities = std::move(communities);
        auto added = store->addStaffMember(s, {"test", "", now});
        REQUIRE(added.ok());
        REQUIRE(added.value());
    }

    hq::ConsoleResponse request(const std::string& method, const std::string& path,
                                const Browser* b = nullptr, const std::string& body = "",
                                std::map<std::string, std::string> headers = {},
                                std::map<std::string, std::string> query = {}) {
        hq::ConsoleRequest r;
        r.method = method;
        r.path = path;
        r.query = std::move(query);
        r.headers = std::move(headers);
        r.headers.emplace("host", "hq.test:8443");
        r.clientAddress = b ? b->address : "192.0.2.10";
        if (b && !b->cookie.empty()) r.headers.emplace("cookie", b->cookie);
        if (b && !b->csrf.empty() && method != "GET") r.headers.emplace("x-csrf-token", b->csrf);
        r.body = body;
        return console->handle(r);
    }

    hq::ConsoleResponse signInRaw(const std::string& username, const std::string& password,
                                  const Browser* b = nullptr) {
        return request("POST", "/console/api/session", b,
                       nlohmann::json{{"username", username}, {"password", password}}.dump());
    }

    Browser signIn(const std::string& username, std::string address = "192.0.2.10") {
        Browser b;
        b.address = std::move(address);
        auto r = signInRaw(username, kPassword, &b);
        INFO(r.body);
        REQUIRE(r.status == 200);
        b.cookie = cookieOf(r);
        b.csrf = nlohmann::json::parse(r.body)["csrf"].get<std::string>();
        return b;
    }

    static std::string headerOf(const hq::ConsoleResponse& r, const std::string& name) {
        for (const auto& [key, value] : r.headers)
            if (key == name) return value;
        return {};
    }

    // "hd_session=<id>" from the Set-Cookie of an answer.
    static std::string cookieOf(const hq::ConsoleResponse& r) {
        const std::string set = headerOf(r, "Set-Cookie");
        return set.substr(0, set.find(';'));
    }

    static nlohmann::json json(const hq::ConsoleResponse& r) {
        INFO(r.body);
        auto j = nlohmann::json::parse(r.body, nullptr, false);
        REQUIRE(!j.is_discarded());
        return j;
    }

    static std::string errorCode(const hq::ConsoleResponse& r) {
        return json(r)["error"]["code"].get<std::string>();
    }

    // Audit rows with this action, newest first.
    std::vector<hq::AuditRow> audit(const std::string& action) {
        hq::AuditQuery q;
        q.action = action;
        q.limit = 500;
        auto page = store->auditLog(q);
        REQUIRE(page.ok());
        return page->rows;
    }
};

}  // namespace homedesk::testing
