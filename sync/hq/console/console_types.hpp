// The seam between the console's HTTP-free request handling (console_api, staff_auth, audit) and
// the ticket desk (sync/hq/desk): a request, an answer, the signed-in staff member and what every
// handler gets. No HTTP library, no SQLite.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sync/hq/hq_types.hpp"

namespace homedesk::hq {

class HqStore;

struct StaffUser {
    std::int64_t id = 0;
    std::string username;
    std::string name;  // display name; may be empty
    StaffRole role = StaffRole::Viewer;
    std::vector<std::string> communities;  // empty together with allCommunities
    bool allCommunities = false;           // scope "*"

    bool inScope(const std::string& communityId) const {
        if (allCommunities) return true;
        for (const auto& c : communities)
            if (c == communityId) return true;
        return false;
    }
};

struct ConsoleRequest {
    std::string method;  // "GET", "POST", "PUT", "DELETE"
    std::string path;    // "/console/api/tickets/R-000001"
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string clientAddress;                   // "127.0.0.1"
    std::string body;
};

struct ConsoleResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. Set-Cookie
};

// One row of the audit log; before/after hold JSON of the fields that changed.
struct AuditEntry {
    std::int64_t at = 0;
    std::string actor;   // a username, "system" or "terminal:<id>"
    std::string action;  // "ticket.dispatch", "notice.publish", "session.login_failed", ...
    std::string target;  // "ticket:R-000001", "notice:n12", "staff:alice"
    std::string before = "{}";
    std::string after = "{}";
    std::string address;  // the client address, empty for system
};

using ConsoleClock = std::function<std::int64_t()>;  // unix seconds

}  // namespace homedesk::hq
