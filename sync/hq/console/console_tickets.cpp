// /console/api/tickets: the inbox, one ticket, its actions, notes and the technicians it may go
// to (docs/console.md, Tickets). Reads and checks the request, asks the TicketDesk, answers JSON.
#include <charconv>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "sync/hq/console/console_routes.hpp"
#include "sync/hq/console/console_ticket_json.hpp"
#include "sync/hq/desk/ticket_desk.hpp"
#include "sync/protocol/field_reader.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::hq {
namespace {

using nlohmann::json;
using protocol::TextKind;

constexpr std::string_view kPrefix = "/console/api/tickets";
constexpr std::size_t kMaxBodyBytes = 16 * 1024;

ConsoleResponse badRequest(const std::string& message) {
    return consoleError(400, "bad_request", message);
}

ConsoleResponse failure(const Error& e) {
    switch (refusalOf(e)) {
        case DeskRefusal::BadRequest: return badRequest(e.message);
        case DeskRefusal::Forbidden: return consoleError(403, "forbidden", e.message);
        case DeskRefusal::NotFound: return consoleError(404, "not_found", e.message);
        case DeskRefusal::Conflict: return consoleError(409, "conflict", e.message);
        case DeskRefusal::None: break;
    }
    spdlog::error("{}: {}", e.where, e.message);
    return consoleError(500, "server_error", "storage failure");
}

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A query value that must be an id ([A-Za-z0-9_-]); absent or empty reads as none.
bool idParam(const ConsoleRequest& r, const char* key, std::optional<std::string>& out,
             std::string& problem) {
    const auto it = r.query.find(key);
    if (it == r.query.end() || it->second.empty()) return true;
    if (it->second.size() > 64 || !protocol::isValidText(it->second, TextKind::Id)) {
        problem = std::string(key) + ": not a valid id";
        return false;
    }
    out = it->second;
    return true;
}

bool flagParam(const ConsoleRequest& r, const char* key, bool& out, std::string& problem) {
    const auto it = r.query.find(key);
    if (it == r.query.end() || it->second.empty() || it->second == "0") return true;
    if (it->second != "1" && it->second != "true") {
        problem = std::string(key) + ": 1 or 0";
        return false;
    }
    out = true;
    return true;
}

bool intParam(const ConsoleRequest& r, const char* key, int min, int max, int& out,
              std::string& problem) {
    const auto it = r.query.find(key);
    if (it == r.query.end() || it->second.empty()) return true;
    int v = 0;
    const auto* end = it->second.data() + it->second.size();
    const auto [p, ec] = std::from_chars(it->second.data(), end, v);
    if (ec != std::errc() || p != end || v < min || v > max) {
        problem = std::string(key) + ": a number from " + std::to_string(min) + " to " +
                  std::to_string(max);
        return false;
    }
    out = v;
    return true;
}

ConsoleResponse list(const ConsoleContext& c) {
    const ConsoleRequest& r = c.request;
    InboxQuery q;
    std::string problem;
    bool ok = idParam(r, "community", q.community, problem) &&
              idParam(r, "kind", q.kind, problem) && idParam(r, "category", q.category, problem) &&
              idParam(r, "status", q.status, problem) &&
              idParam(r, "building", q.building, problem) &&
              idParam(r, "assignee", q.assignee, problem) &&
              flagParam(r, "overdue", q.overdue, problem) &&
              flagParam(r, "escalated", q.escalated, problem) &&
              flagParam(r, "paused", q.paused, problem) &&
              intParam(r, "page", 1, 100000, q.page, problem) &&
              intParam(r, "limit", 1, 200, q.limit, problem);
    if (!ok) return badRequest(problem);
    if (q.kind && *q.kind != "repair" && *q.kind != "complaint" && *q.kind != "followup")
        return badRequest("kind: repair, complaint or followup");
    if (q.status && *q.status != "open" && !protocol::ticketStateFrom(*q.status))
        return badRequest("status: open or a ticket status");
    if (const auto it = r.query.find("q"); it != r.query.end() && !it->second.empty()) {
        if (it->second.size() > 100 || !protocol::isValidText(it->second, TextKind::Line))
            return badRequest("q: one line of at most 100 bytes");
        q.q = it->second;
    }
    auto page = c.desk.inbox(c.user, q, c.now);
    if (!page) return failure(page.error());
    json items = json::array();
    for (const auto& t : page->items) items.push_back(ticketRowJson(t, c.desk.slaOf(t, c.now)));
    return consoleJson(200, dump({{"items", std::move(items)},
                                  {"total", page->total},
                                  {"page", page->page},
                                  {"limit", page->limit}}));
}

ConsoleResponse detail(const ConsoleContext& c, const std::string& number) {
    auto d = c.desk.ticket(c.user, number);
    if (!d) return failure(d.error());
    return consoleJson(200, dump(ticketDetailJson(*d, c.desk.slaOf(d->ticket, c.now))));
}

// The request's body as a JSON object, or why not.
std::optional<json> bodyObject(const ConsoleRequest& r, std::string& problem) {
    if (r.body.size() > kMaxBodyBytes) {
        problem = "body over 16 KiB";
        return std::nullopt;
    }
    if (protocol::jsonDepth(r.body) > protocol::kMaxJsonDepth) {
        problem = "body nested too deep";
        return std::nullopt;
    }
    json j = json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        problem = "body must be a JSON object";
        return std::nullopt;
    }
    return j;
}

ConsoleResponse action(const ConsoleContext& c, const std::string& number) {
    std::string problem;
    auto body = bodyObject(c.request, problem);
    if (!body) return badRequest(problem);
    protocol::FieldReader in(*body, "");
    DeskAction a;
    a.action = in.string("action", TextKind::Id, 16);
    a.note = in.optString("note", TextKind::Text, 2000).value_or("");
    a.assignee = in.optString("assignee", TextKind::Id, 64);
    a.reason = in.optString("reason", TextKind::Id, 32);
    a.callback = in.optString("callback", TextKind::Id, 32);
    if (!in.ok()) return badRequest(in.error());
    auto d = c.desk.act({c.user, c.request.clientAddress}, number, a, c.now);
    if (!d) return failure(d.error());
    return consoleJson(200, dump(ticketDetailJson(*d, c.desk.slaOf(d->ticket, c.now))));
}

ConsoleResponse note(const ConsoleContext& c, const std::string& number) {
    std::string problem;
    auto body = bodyObject(c.request, problem);
    if (!body) return badRequest(problem);
    protocol::FieldReader in(*body, "");
    const std::string text = in.string("text", TextKind::Text, 2000);
    const std::string visibility = in.string("visibility", TextKind::Id, 16);
    if (!in.ok()) return badRequest(in.error());
    auto n = c.desk.addNote({c.user, c.request.clientAddress}, number, text, visibility, c.now);
    if (!n) return failure(n.error());
    return consoleJson(201, dump(noteJson(*n)));
}

ConsoleResponse assignees(const ConsoleContext& c, const std::string& number) {
    auto staff = c.desk.assignees(c.user, number);
    if (!staff) return failure(staff.error());
    json items = json::array();
    for (const auto& s : staff.value())
        items.push_back({{"username", s.username}, {"name", s.name}});
    return consoleJson(200, dump({{"items", std::move(items)}}));
}

bool plausibleNumber(const std::string& n) {
    return n.size() >= 3 && n.size() <= 16 && (n[0] == 'R' || n[0] == 'C' || n[0] == 'F') &&
           n[1] == '-' && n.find_first_not_of("0123456789", 2) == std::string::npos;
}

}  // namespace

ConsoleResponse ticketRoutes(const ConsoleContext& c) {
    const std::string& path = c.request.path;
    const std::string& method = c.request.method;
    if (path.compare(0, kPrefix.size(), kPrefix) != 0)
        return consoleError(404, "not_found", "no such path");
    std::string rest = path.substr(kPrefix.size());
    if (rest.empty() || rest == "/") {
        if (method == "GET") return list(c);
        return consoleError(404, "not_found", "no such path");
    }
    rest.erase(0, 1);
    const auto slash = rest.find('/');
    const std::string number = rest.substr(0, slash);
    const std::string tail = slash == std::string::npos ? "" : rest.substr(slash + 1);
    if (!plausibleNumber(number)) return consoleError(404, "not_found", "no ticket " + number);
    if (tail.empty() && method == "GET") return detail(c, number);
    if (tail == "actions" && method == "POST") return action(c, number);
    if (tail == "notes" && method == "POST") return note(c, number);
    if (tail == "assignees" && method == "GET") return assignees(c, number);
    return consoleError(404, "not_found", "no such path");
}

}  // namespace homedesk::hq
