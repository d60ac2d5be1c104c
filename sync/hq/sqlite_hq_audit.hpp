// Internal to the SQLite store: the audit row of a change a staff member (or the system) makes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sync/hq/console/console_records.hpp"

namespace homedesk::hq {

// Compact JSON; text that is not valid UTF-8 is replaced, never thrown on.
std::string auditJson(const nlohmann::json& j);
AuditEntry auditEntry(const ConsoleActor& by, std::string action, std::string target,
                      const nlohmann::json& before = nlohmann::json::object(),
                      const nlohmann::json& after = nlohmann::json::object());

}  // namespace homedesk::hq
