// /console/api/audit (admins of every community: rows are not tied to one), /communities (the
// caller's scope, with buildings) and /staff (admins: every account; others: the technicians of
// one community in scope, for the dispatch picker).
#include "sync/hq/console/console_handlers.hpp"
#include "sync/hq/hq_store.hpp"

namespace homedesk::hq::console {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json parsedOr(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json(text) : j;
}

}  // namespace

ConsoleResponse auditRoute(const ConsoleContext& c) {
    if (c.request.method != "GET") return consoleError(405, "bad_request", "GET");
    if (c.user.role != StaffRole::Admin || !c.user.allCommunities) return forbidden();
    AuditQuery q;
    q.actor = queryValue(c.request, "actor");
    q.action = queryValue(c.request, "action");
    q.target = queryValue(c.request, "target");
    auto from = queryNumber(c.request, "from", -1, 0, INT64_MAX / 2);
    auto to = queryNumber(c.request, "to", -1, 0, INT64_MAX / 2);
    auto page = queryNumber(c.request, "page", 1, 1, 1'000'000);
    auto limit = queryNumber(c.request, "limit", 50, 1, 500);
    if (!from || !to || !page || !limit)
        return consoleError(400, "bad_request", "from, to, page, limit: whole numbers");
    if (*from >= 0) q.from = *from;
    if (*to >= 0) q.to = *to;
    q.page = static_cast<int>(*page);
    q.limit = static_cast<int>(*limit);
    auto rows = c.store.auditLog(q);
    if (!rows) return storeFailure(rows.error());
    json items = json::array();
    for (const auto& r : rows->rows)
        items.push_back({{"id", r.id}, {"at", r.entry.at}, {"actor", r.entry.actor},
                         {"action", r.entry.action}, {"target", r.entry.target},
                         {"before", parsedOr(r.entry.before)}, {"after", parsedOr(r.entry.after)},
                         {"address", r.entry.address}});
    return consoleJson(200, dump({{"items", items}, {"total", rows->total}, {"page", q.page},
                                  {"limit", q.limit}}));
}

ConsoleResponse communitiesRoute(const ConsoleContext& c) {
    if (c.request.method != "GET") return consoleError(405, "bad_request", "GET");
    auto dir = c.store.communityDirectory();
    if (!dir) return storeFailure(dir.error());
    json items = json::array();
    for (const auto& row : dir.value()) {
        if (!c.user.inScope(row.id)) continue;
        json buildings = json::array();
        for (const auto& b : row.buildings) buildings.push_back({{"id", b.id}, {"name", b.name}});
        items.push_back({{"id", row.id}, {"name", row.name}, {"buildings", buildings}});
    }
    return consoleJson(200, dump({{"items", items}}));
}

ConsoleResponse staffRoute(const ConsoleContext& c) {
    if (c.request.method != "GET") return consoleError(405, "bad_request", "GET");
    const std::string community = queryValue(c.request, "community");
    const std::string role = queryValue(c.request, "role");
    if (community.empty() && c.user.role != StaffRole::Admin) return forbidden();
    if (!community.empty() && !c.user.inScope(community)) return notFound();
    auto wantedRole = role.empty() ? std::optional<StaffRole>{} : parseStaffRole(role);
    if (!role.empty() && !wantedRole) return consoleError(400, "bad_request", "role: unknown");
    auto accounts = c.store.staffAccounts();
    if (!accounts) return storeFailure(accounts.error());
    json items = json::array();
    for (const auto& a : accounts.value()) {
        if (wantedRole && a.user.role != *wantedRole) continue;
        if (!community.empty() && (a.disabledAt || !a.user.inScope(community))) continue;
        // An admin of some communities sees only accounts that share one of them.
        if (community.empty() && !c.user.allCommunities) {
            bool shared = false;
            for (const auto& own : c.user.communities) shared = shared || a.user.inScope(own);
            if (!shared) continue;
        }
        json item = userJson(a.user);
        if (c.user.role == StaffRole::Admin) {
            item["disabled"] = a.disabledAt.has_value();
            item["locked"] = a.lockedUntil && *a.lockedUntil > c.now;
        }
        items.push_back(std::move(item));
    }
    return consoleJson(200, dump({{"items", items}}));
}

}  // namespace homedesk::hq::console
