// The console's JSON answers and the small request helpers its handlers share.
#include <spdlog/spdlog.h>

#include "sync/hq/console/console_api.hpp"
#include "sync/hq/console/console_handlers.hpp"

namespace homedesk::hq {

using nlohmann::json;

ConsoleResponse consoleJson(int status, std::string body) {
    ConsoleResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

ConsoleResponse consoleError(int status, std::string_view code, std::string_view message) {
    const bool retryable = status == 429 || status == 423 || status >= 500;
    json body = {{"error", {{"code", code}, {"message", message}, {"retryable", retryable}}}};
    return consoleJson(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace console {

json userJson(const StaffUser& u) {
    json communities = json::array();
    if (u.allCommunities) communities.push_back("*");
    for (const auto& c : u.communities) communities.push_back(c);
    return {{"username", u.username}, {"name", u.name}, {"role", toString(u.role)},
            {"communities", communities}};
}

std::optional<json> bodyObject(const ConsoleRequest& request) {
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return std::nullopt;
    return body;
}

std::string queryValue(const ConsoleRequest& request, const char* key) {
    auto it = request.query.find(key);
    return it == request.query.end() ? std::string{} : it->second;
}

std::optional<std::int64_t> queryNumber(const ConsoleRequest& request, const char* key,
                                        std::int64_t fallback, std::int64_t min, std::int64_t max) {
    const std::string text = queryValue(request, key);
    if (text.empty()) return fallback;
    if (text.size() > 18) return std::nullopt;
    for (char ch : text)
        if (ch < '0' || ch > '9') return std::nullopt;
    const std::int64_t value = std::stoll(text);
    if (value < min || value > max) return std::nullopt;
    return value;
}

ConsoleResponse storeFailure(const Error& error) {
    spdlog::error("console: {}: {}", error.where, error.message);
    if (error.kind == Error::Kind::Unavailable)
        return consoleError(503, "server_error", "busy, try again");
    return consoleError(500, "server_error", "the head office could not do that");
}

ConsoleResponse forbidden() {
    return consoleError(403, "forbidden", "your role may not do this");
}

ConsoleResponse notFound() { return consoleError(404, "not_found", "not found"); }

std::string publicUrl(const ConsoleRequest& request, const ConsoleOptions& options) {
    if (!options.publicUrl.empty()) return options.publicUrl;
    auto host = request.headers.find("host");
    return "https://" + (host == request.headers.end() ? std::string("localhost") : host->second);
}

}  // namespace console
}  // namespace homedesk::hq
