// Tickets as staff work them (docs/console.md, Tickets and SLA): the inbox, one ticket with its
// notes and events, the workflow's actions with who may take them, and the SLA sweep that writes
// escalations. No HTTP and no JSON API here; the console's ticket routes (console_tickets.cpp)
// call it, and so do tests with a controlled clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/hq/console/console_types.hpp"
#include "sync/hq/desk/desk_types.hpp"
#include "sync/hq/desk/sla.hpp"

namespace homedesk::hq {

class HqStore;

// Why the desk said no; the console answers 400, 403, 404 or 409 for them (None: a store failure).
enum class DeskRefusal { None, BadRequest, Forbidden, NotFound, Conflict };
DeskRefusal refusalOf(const Error& error);
Error deskRefusal(DeskRefusal why, std::string message);

// One action of the workflow (POST /console/api/tickets/{number}/actions).
struct DeskAction {
    std::string action;  // accept | dispatch | start | pause | resume | finish | close
    std::string note;    // finish: resident-visible and required; else internal, may be empty
    std::optional<std::string> assignee;  // dispatch
    std::optional<std::string> reason;    // pause: waiting_resident | waiting_parts
    std::optional<std::string> callback;  // close: satisfied | unsatisfied | unreachable
};

// Who asks: the signed-in staff member and where from (for the audit log).
struct DeskActor {
    const StaffUser& user;
    std::string address;
};

// 138****5678: the first three and last four digits, the rest hidden.
std::string maskPhone(const std::string& phone);

class TicketDesk {
public:
    // Tells the store the policy, so ingest dates new tickets by it.
    TicketDesk(HqStore& store, SlaPolicy policy);

    const SlaPolicy& policy() const { return m_policy; }

    // One page of the tickets the user may see (a technician: their own jobs).
    Result<InboxPage> inbox(const StaffUser& user, const InboxQuery& query, std::int64_t now);
    // One ticket; phones full for desk, admin and the assignee, masked for the others.
    Result<DeskTicketDetail> ticket(const StaffUser& user, const std::string& number);
    // Takes an action; answers the ticket as it is after it.
    Result<DeskTicketDetail> act(const DeskActor& actor, const std::string& number,
                                 const DeskAction& action, std::int64_t now);
    // Adds a note: internal (staff only) or resident (also on the filing terminal's Track).
    Result<DeskNote> addNote(const DeskActor& actor, const std::string& number,
                             const std::string& text, const std::string& visibility,
                             std::int64_t now);

    // The technicians a ticket may be dispatched to (desk and admin only).
    Result<std::vector<StaffUser>> assignees(const StaffUser& user, const std::string& number);

    SlaView slaOf(const DeskTicket& t, std::int64_t now) const;

    // Writes the escalations that are due at `now` (each once, also across restarts); returns
    // how many it wrote. The server calls it at start and every 30 s.
    Result<int> sweep(std::int64_t now);

private:
    HqStore& m_store;
    SlaPolicy m_policy;
};

}  // namespace homedesk::hq
