// Internal to the console: the handlers console_api.cpp routes to once a request is signed in,
// the static files, and the JSON helpers they share.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "sync/hq/console/console_routes.hpp"

namespace homedesk::hq {

struct ConsoleOptions;
class NoticePreviewer;

namespace console {

nlohmann::json userJson(const StaffUser& user);
// The JSON object of a request body, or nothing when it is not one.
std::optional<nlohmann::json> bodyObject(const ConsoleRequest& request);
std::string queryValue(const ConsoleRequest& request, const char* key);
// A whole number from the query, `fallback` when absent; nothing when malformed or outside.
std::optional<std::int64_t> queryNumber(const ConsoleRequest& request, const char* key,
                                        std::int64_t fallback, std::int64_t min, std::int64_t max);
ConsoleResponse storeFailure(const Error& error);
ConsoleResponse forbidden();
ConsoleResponse notFound();
// "https://" + Host, or the configured public URL.
std::string publicUrl(const ConsoleRequest& request, const ConsoleOptions& options);

// `rest` is the path after the route's prefix ("" or "/n3", "/n3/retract").
// `previewer` may be null: then previews answer 404.
ConsoleResponse noticeRoutes(const ConsoleContext& c, std::string_view rest,
                             NoticePreviewer* previewer);
ConsoleResponse fleetRoutes(const ConsoleContext& c, std::string_view rest,
                            const ConsoleOptions& options);
ConsoleResponse auditRoute(const ConsoleContext& c);
ConsoleResponse communitiesRoute(const ConsoleContext& c);
ConsoleResponse staffRoute(const ConsoleContext& c);

// GET /console/<file> from the console's directory.
ConsoleResponse staticFile(const std::string& dir, std::string_view file);

}  // namespace console
}  // namespace homedesk::hq
