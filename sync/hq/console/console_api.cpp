// The console's router: static files, the receipt page, sign-in and sessions, the CSRF and
// Origin checks for changes, and the signed-in API's routes. Security headers on every answer.
#include "sync/hq/console/console_api.hpp"

#include <spdlog/spdlog.h>

#include "sync/hq/console/console_handlers.hpp"
#include "sync/hq/console/receipt_page.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq {
namespace {

using nlohmann::json;

constexpr std::string_view kApi = "/console/api";
constexpr const char* kCookie = "hd_session";

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::string header(const ConsoleRequest& r, const char* name) {
    auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string{} : it->second;
}

std::optional<std::string> sessionCookie(const ConsoleRequest& r) {
    const std::string cookies = header(r, "cookie");
    std::size_t pos = 0;
    while (pos < cookies.size()) {
        std::size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        std::string_view part(cookies.data() + pos, end - pos);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        const std::string_view name = std::string_view(kCookie);
        if (startsWith(part, name) && part.size() > name.size() && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        pos = end + 1;
    }
    return std::nullopt;
}

std::string setCookie(const std::string& value, std::int64_t maxAge) {
    return std::string(kCookie) + "=" + value + "; Path=/; Max-Age=" + std::to_string(maxAge) +
           "; HttpOnly; Secure; SameSite=Strict";
}

// Equal in time whatever the inputs hold, so a token cannot be guessed byte by byte.
bool sameSecret(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

ConsoleResponse sessionBody(int status, const StaffUser& user, const std::string& csrf) {
    return consoleJson(status, json{{"user", console::userJson(user)}, {"csrf", csrf}}.dump(
                                   -1, ' ', false, json::error_handler_t::replace));
}

void secure(ConsoleResponse& r, bool api) {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    bool cacheSet = false;
    for (const auto& [name, value] : r.headers) cacheSet = cacheSet || name == "Cache-Control";
    if (api && !cacheSet) r.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace

ConsoleApi::ConsoleApi(HqStore& store, TicketDesk& desk, ConsoleOptions options, ConsoleClock clock)
    : m_store(store),
      m_desk(desk),
      m_options(std::move(options)),
      m_clock(std::move(clock)),
      m_auth(store, m_options.auth),
      m_receipts(std::make_unique<ReceiptPage>(store)) {}

ConsoleApi::~ConsoleApi() = default;

ConsoleResponse ConsoleApi::handle(const ConsoleRequest& request) noexcept {
    ConsoleResponse r;
    bool api = true;
    try {
        api = !startsWith(request.path, "/console/") || startsWith(request.path, kApi);
        r = route(request, m_clock());
    } catch (const std::exception& e) {
        spdlog::error("console {} {}: {}", request.method, request.path, e.what());
        r = consoleError(500, "server_error", "the head office could not do that");
    } catch (...) {
        r = consoleError(500, "server_error", "the head office could not do that");
    }
    secure(r, api);
    return r;
}

ConsoleResponse ConsoleApi::route(const ConsoleRequest& request, std::int64_t now) {
    const std::string_view path = request.path;
    if (startsWith(path, "/t/")) {
        if (request.method != "GET" && request.method != "HEAD")
            return consoleError(405, "bad_request", "only GET");
        return m_receipts->handle(std::string(path.substr(3)), request.clientAddress, now);
    }
    if (path == kApi || startsWith(path, std::string(kApi) + "/")) return api(request, now);
    if (path == "/console") {
        ConsoleResponse r = consoleJson(308, "");
        r.contentType = "text/plain";
        r.headers.emplace_back("Location", "/console/");
        return r;
    }
    if (startsWith(path, "/console/")) {
        if (request.method != "GET" && request.method != "HEAD")
            return consoleError(405, "bad_request", "only GET");
        return console::staticFile(m_options.staticDir, path.substr(9));
    }
    return console::notFound();
}

bool ConsoleApi::originAllowed(const ConsoleRequest& request) const {
    auto origin = request.headers.find("origin");
    if (origin == request.headers.end()) return true;
    std::string own = console::publicUrl(request, m_options);
    while (!own.empty() && own.back() == '/') own.pop_back();
    return origin->second == own;
}

ConsoleResponse ConsoleApi::sessionRoute(const ConsoleRequest& request, std::int64_t now) {
    const auto cookie = sessionCookie(request);
    if (request.method == "POST") {
        // Sign-in needs no token (there is no session yet), but a foreign page may not post it.
        if (!originAllowed(request)) return consoleError(403, "csrf_failed", "foreign origin");
        auto body = console::bodyObject(request);
        if (!body || !(*body)["username"].is_string() || !(*body)["password"].is_string())
            return consoleError(400, "bad_request", "username and password are needed");
        const std::string username = (*body)["username"].get<std::string>();
        const std::string password = (*body)["password"].get<std::string>();
        if (username.empty() || username.size() > 64 ||
            !protocol::isValidText(username, protocol::TextKind::Id) || password.size() > 1024)
            return consoleError(401, "unauthorized", "wrong username or password");
        auto outcome = m_auth.signIn(username, password, request.clientAddress, cookie, now);
        if (!outcome) return console::storeFailure(outcome.error());
        switch (outcome->kind) {
            case SignInOutcome::Kind::SignedIn: {
                ConsoleResponse r = sessionBody(200, outcome->user, outcome->csrf);
                r.headers.emplace_back("Set-Cookie",
                                       setCookie(outcome->sessionId, m_options.auth.absolute_s));
                return r;
            }
            case SignInOutcome::Kind::Locked: {
                ConsoleResponse r =
                    consoleJson(423, json{{"error",
                                           {{"code", "locked"},
                                            {"message", "too many wrong passwords; try later"},
                                            {"retryable", true}}},
                                          {"retry_after_s", outcome->retryAfter_s}}
                                         .dump());
                r.headers.emplace_back("Retry-After", std::to_string(outcome->retryAfter_s));
                return r;
            }
            case SignInOutcome::Kind::Throttled: {
                ConsoleResponse r =
                    consoleError(429, "rate_limited", "too many sign-ins; wait a minute");
                r.headers.emplace_back("Retry-After", std::to_string(outcome->retryAfter_s));
                return r;
            }
            case SignInOutcome::Kind::Unauthorized:
                break;
        }
        return consoleError(401, "unauthorized", "wrong username or password");
    }
    if (request.method != "GET" && request.method != "HEAD" && request.method != "DELETE")
        return consoleError(405, "bad_request", "GET, POST or DELETE");
    auto session = m_auth.session(cookie.value_or(""), now);
    if (!session) return console::storeFailure(session.error());
    if (!session.value()) return consoleError(401, "unauthorized", "sign in first");
    if (request.method != "DELETE")
        return sessionBody(200, session.value()->user, session.value()->csrf);
    if (!originAllowed(request) ||
        !sameSecret(header(request, "x-csrf-token"), session.value()->csrf))
        return consoleError(403, "csrf_failed", "missing or wrong CSRF token");
    auto ended =
        m_auth.signOut(*cookie, {session.value()->user.username, request.clientAddress, now});
    if (!ended) return console::storeFailure(ended.error());
    ConsoleResponse r = consoleJson(204, "");
    r.headers.emplace_back("Set-Cookie", setCookie("", 0));
    return r;
}

ConsoleResponse ConsoleApi::api(const ConsoleRequest& request, std::int64_t now) {
    if (request.path == std::string(kApi) + "/session") return sessionRoute(request, now);
    const auto cookie = sessionCookie(request);
    auto session = m_auth.session(cookie.value_or(""), now);
    if (!session) return console::storeFailure(session.error());
    if (!session.value()) return consoleError(401, "unauthorized", "sign in first");
    const bool change = request.method != "GET" && request.method != "HEAD";
    if (change && (!originAllowed(request) ||
                   !sameSecret(header(request, "x-csrf-token"), session.value()->csrf))) {
        spdlog::warn("console CSRF refused: user '{}' from {} {} {}",
                     session.value()->user.username, request.clientAddress, request.method,
                     request.path);
        return consoleError(403, "csrf_failed", "missing or wrong CSRF token");
    }
    return signedIn(request, *session.value(), now);
}

ConsoleResponse ConsoleApi::signedIn(const ConsoleRequest& request, const SessionRecord& session,
                                     std::int64_t now) {
    const ConsoleContext c{m_store, m_desk, request, session.user, now};
    const std::string_view path = std::string_view(request.path).substr(kApi.size());
    auto under = [&](std::string_view prefix, std::string_view& rest) {
        if (path == prefix || startsWith(path, std::string(prefix) + "/")) {
            rest = path.substr(prefix.size());
            return true;
        }
        return false;
    };
    std::string_view rest;
    if (under("/tickets", rest)) {
        // A notice editor has no part in tickets at all (docs/console.md, roles).
        if (session.user.role == StaffRole::NoticeEditor) return console::forbidden();
        return ticketRoutes(c);
    }
    if (under("/notices", rest)) return console::noticeRoutes(c, rest, m_options.previewer);
    if (under("/fleet", rest)) return console::fleetRoutes(c, rest, m_options);
    if (path == "/audit") return console::auditRoute(c);
    if (path == "/communities") return console::communitiesRoute(c);
    if (path == "/staff") return console::staffRoute(c);
    return console::notFound();
}

}  // namespace homedesk::hq
