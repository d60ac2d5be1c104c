// Internal to the console: what a handler gets once the request is signed in (and, for a change,
// its CSRF token checked), and the handlers that live outside console_api.cpp.
#pragma once

#include <cstdint>
#include <string_view>

#include "sync/hq/console/console_types.hpp"

namespace homedesk::hq {

class HqStore;
class TicketDesk;

struct ConsoleContext {
    HqStore& store;
    TicketDesk& desk;
    const ConsoleRequest& request;
    const StaffUser& user;
    std::int64_t now;
};

// {"error": {"code", "message", "retryable"}} with the status (docs/console.md, Errors).
ConsoleResponse consoleError(int status, std::string_view code, std::string_view message);
// A JSON answer.
ConsoleResponse consoleJson(int status, std::string body);

// /console/api/tickets and everything below it (sync/hq/console/console_tickets.cpp).
ConsoleResponse ticketRoutes(const ConsoleContext& c);

}  // namespace homedesk::hq
