// The workflow's rules as pure functions of a ticket and who asks (docs/console.md, Tickets):
// who may see it, which action is allowed from which state for which role, and what each change
// writes (row, event, audit row, status-feed row, note). TicketDesk runs them inside the store's
// transaction, so a decision and its write cannot be split by another request.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sync/hq/desk/desk_types.hpp"
#include "sync/hq/desk/ticket_desk.hpp"

namespace homedesk::hq {

// May read tickets at all (not a notice editor).
bool readsTickets(const StaffUser& user);
// In the user's scope, and for a technician one of their jobs.
bool canSee(const StaffUser& user, const DeskTicket& t);
// May read the ticket's phone numbers in full.
bool seesPhone(const StaffUser& user, const DeskTicket& t);

// `technicians`: staff of the ticket's community (for dispatch; others may pass none).
Result<DeskUpdate> decideAction(const DeskTicket& t, const DeskActor& actor, const DeskAction& a,
                                const SlaPolicy& policy,
                                const std::vector<StaffUser>& communityStaff, std::int64_t now);
Result<DeskUpdate> decideNote(const DeskTicket& t, const DeskActor& actor, const std::string& text,
                              const std::string& visibility, std::int64_t now);
// The next escalation step due (Conflict when none is); `supervisors` are named in the event.
Result<DeskUpdate> decideEscalation(const DeskTicket& t, const SlaPolicy& policy,
                                    const std::vector<std::string>& supervisors,
                                    std::int64_t now);

}  // namespace homedesk::hq
