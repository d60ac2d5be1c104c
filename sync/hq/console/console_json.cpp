// The console's JSON answers: an error body as on the terminals' API, and a plain JSON answer.
#include <nlohmann/json.hpp>

#include "sync/hq/console/console_routes.hpp"

namespace homedesk::hq {

ConsoleResponse consoleError(int status, std::string_view code, std::string_view message) {
    nlohmann::json body{{"error",
                         {{"code", code}, {"message", message}, {"retryable", status >= 500}}}};
    ConsoleResponse r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

ConsoleResponse consoleJson(int status, std::string body) {
    ConsoleResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

}  // namespace homedesk::hq
