// /console/api/fleet: the terminals in scope with their health, stale and backlogged flags;
// enrollment codes with their signed QR token and an SVG of it; revocation (admin).
#include "sync/hq/console/console_api.hpp"
#include "sync/hq/console/console_handlers.hpp"
#include "sync/hq/console/qr_svg.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/field_reader.hpp"
#include "sync/protocol/qr_token.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::hq::console {
namespace {

using nlohmann::json;

constexpr std::int64_t kStaleAfter_s = 10 * 60;
constexpr std::int64_t kBacklogItems = 20;
constexpr std::int64_t kBacklogAge_s = 10 * 60;

json optional(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json rowJson(const FleetRow& r, std::int64_t now) {
    const TerminalRecord& t = r.terminal;
    json errors = json::parse(r.errors, nullptr, false);
    if (errors.is_discarded()) errors = json::array();
    const bool stale = !t.revoked_at && (!t.last_seen || now - *t.last_seen > kStaleAfter_s);
    const bool backlogged = r.queue_depth > kBacklogItems ||
                            (r.oldest_unsent_age_s && *r.oldest_unsent_age_s > kBacklogAge_s);
    return {{"id", t.id},
            {"name", t.name},
            {"community_id", t.community_id},
            {"building_id", t.building_id ? json(*t.building_id) : json(nullptr)},
            {"enrolled_at", t.enrolled_at},
            {"revoked_at", optional(t.revoked_at)},
            {"last_seen", optional(t.last_seen)},
            {"app_version", r.app_version},
            {"queue_depth", r.queue_depth},
            {"oldest_unsent_age_s", optional(r.oldest_unsent_age_s)},
            {"errors", errors},
            {"stale", stale},
            {"backlogged", backlogged}};
}

ConsoleResponse list(const ConsoleContext& c) {
    const std::string community = queryValue(c.request, "community");
    if (!community.empty() && !c.user.inScope(community)) return notFound();
    auto rows = c.store.fleet();
    if (!rows) return storeFailure(rows.error());
    json items = json::array();
    for (const auto& r : rows.value()) {
        if (!c.user.inScope(r.terminal.community_id)) continue;
        if (!community.empty() && r.terminal.community_id != community) continue;
        items.push_back(rowJson(r, c.now));
    }
    return consoleJson(200, dump({{"items", items}}));
}

ConsoleResponse enrollCode(const ConsoleContext& c, const ConsoleOptions& options) {
    auto body = bodyObject(c.request);
    if (!body || !(*body)["community_id"].is_string())
        return consoleError(400, "bad_request", "community_id is needed");
    const std::string community = (*body)["community_id"].get<std::string>();
    std::optional<std::string> building;
    if (body->contains("building_id") && !(*body)["building_id"].is_null()) {
        if (!(*body)["building_id"].is_string())
            return consoleError(400, "bad_request", "building_id: a building id");
        building = (*body)["building_id"].get<std::string>();
    }
    const json hoursJson = body->value("hours", json(24));
    if (!hoursJson.is_number() || hoursJson.get<double>() <= 0 || hoursJson.get<double>() > 720)
        return consoleError(400, "bad_request", "hours: more than 0, at most 720");
    if (!protocol::isValidText(community, protocol::TextKind::Id) || !c.user.inScope(community))
        return notFound();
    const std::int64_t expires = c.now + static_cast<std::int64_t>(hoursJson.get<double>() * 3600);
    auto code = c.store.createEnrollCodeBy(community, building, expires,
                                           {c.user.username, c.request.clientAddress, c.now});
    if (!code) {
        if (code.error().kind == Error::Kind::NotFound) return notFound();
        return storeFailure(code.error());
    }
    auto secret = c.store.signingSecret();
    if (!secret) return storeFailure(secret.error());
    auto key = protocol::signingKeyFrom(secret.value());
    if (!key) return storeFailure(key.error());
    protocol::TokenClaims claims{protocol::TokenKind::Enrollment, protocol::newTokenId(), c.now,
                                 code->expires_at,
                                 {{"code", code->code}, {"hq", publicUrl(c.request, options)}}};
    auto token = protocol::signToken(claims, key.value());
    if (!token) return storeFailure(token.error());
    auto svg = qrSvg(token.value());
    if (!svg) return storeFailure(svg.error());
    return consoleJson(201, dump({{"code", code->code}, {"token", token.value()},
                                  {"expires_at", code->expires_at}, {"qr_svg", svg.value()}}));
}

}  // namespace

ConsoleResponse fleetRoutes(const ConsoleContext& c, std::string_view rest,
                            const ConsoleOptions& options) {
    if (c.user.role == StaffRole::Technician) return forbidden();
    const std::string& method = c.request.method;
    if (rest.empty() || rest == "/") {
        if (method != "GET") return consoleError(405, "bad_request", "GET");
        return list(c);
    }
    if (rest == "/enroll-codes") {
        if (method != "POST") return consoleError(405, "bad_request", "POST");
        if (c.user.role != StaffRole::Admin) return forbidden();
        return enrollCode(c, options);
    }
    const std::string_view suffix = "/revoke";
    if (rest.size() > suffix.size() + 1 && rest.substr(rest.size() - suffix.size()) == suffix) {
        const std::string id(rest.substr(1, rest.size() - suffix.size() - 1));
        if (method != "POST") return consoleError(405, "bad_request", "POST");
        if (!protocol::isValidText(id, protocol::TextKind::Id)) return notFound();
        auto rows = c.store.fleet();
        if (!rows) return storeFailure(rows.error());
        const FleetRow* found = nullptr;
        for (const auto& r : rows.value())
            if (r.terminal.id == id && c.user.inScope(r.terminal.community_id)) found = &r;
        if (!found) return notFound();
        if (c.user.role != StaffRole::Admin) return forbidden();
        auto revoked = c.store.revokeTerminalBy(id, {c.user.username, c.request.clientAddress, c.now});
        if (!revoked) return storeFailure(revoked.error());
        if (!revoked.value()) return consoleError(409, "conflict", "already revoked");
        FleetRow after = *found;
        after.terminal.revoked_at = c.now;
        return consoleJson(200, dump(rowJson(after, c.now)));
    }
    return notFound();
}

}  // namespace homedesk::hq::console
