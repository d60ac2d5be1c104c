// The words the database stores for the domain's enums. Stable on disk: never renamed, only
// added to; they match the wire words of sync/protocol where both exist.
#pragma once

#include <optional>
#include <string_view>

#include "kiosk/core/ticket.hpp"

namespace homedesk::store {

std::string_view code(TicketKind kind);
std::string_view code(RepairCategory category);
std::string_view code(ComplaintCategory category);
std::string_view code(Urgency urgency);
std::string_view code(TicketStatus status);

std::optional<TicketKind> ticketKindFromCode(std::string_view text);
std::optional<RepairCategory> repairCategoryFromCode(std::string_view text);
std::optional<Urgency> urgencyFromCode(std::string_view text);
std::optional<TicketStatus> ticketStatusFromCode(std::string_view text);

// Resolved and callback-done tickets are no longer "open" for "me too".
bool isOpen(TicketStatus status);

}  // namespace homedesk::store
