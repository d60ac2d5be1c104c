// Enum <-> stored words, through the one shared table.
#include "kiosk/store/store_codes.hpp"

#include "base/ticket_words.hpp"

namespace homedesk::store {
// Stored words are the shared tables' words (base/ticket_words.hpp), as on the wire.
std::string_view code(TicketKind kind) {
    return toString(kind);
}
std::string_view code(RepairCategory category) {
    return toString(category);
}
std::string_view code(ComplaintCategory category) {
    return toString(category);
}
std::string_view code(Urgency urgency) {
    return toString(urgency);
}
std::string_view code(TicketStatus status) {
    return toString(status);
}

std::optional<TicketKind> ticketKindFromCode(std::string_view text) {
    return words::valueOf<TicketKind>(words::kTicketKind, text);
}
std::optional<RepairCategory> repairCategoryFromCode(std::string_view text) {
    return repairCategoryFrom(text);
}
std::optional<Urgency> urgencyFromCode(std::string_view text) {
    return words::valueOf<Urgency>(words::kUrgency, text);
}
std::optional<TicketStatus> ticketStatusFromCode(std::string_view text) {
    return ticketStatusFrom(text);
}

bool isOpen(TicketStatus status) {
    return status != TicketStatus::Resolved && status != TicketStatus::CallbackDone;
}

}  // namespace homedesk::store
