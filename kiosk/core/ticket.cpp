#include "kiosk/core/ticket.hpp"

#include <iterator>

#include "base/ticket_words.hpp"

namespace homedesk {

// The enums are indexed into the shared word tables: their order is the tables' order.
static_assert(std::size(words::kTicketStatus) == static_cast<size_t>(TicketStatus::CallbackDone) + 1);
static_assert(std::size(words::kRepairCategory) == static_cast<size_t>(RepairCategory::Other) + 1);
static_assert(std::size(words::kComplaintCategory) == static_cast<size_t>(ComplaintCategory::Other) + 1);
static_assert(std::size(words::kTicketKind) == static_cast<size_t>(TicketKind::Complaint) + 1);
static_assert(std::size(words::kUrgency) == static_cast<size_t>(Urgency::Normal) + 1);

std::string_view toString(TicketKind k) { return words::wordOf(words::kTicketKind, k); }
std::string_view toString(Urgency u) { return words::wordOf(words::kUrgency, u); }
std::string_view toString(TicketStatus s) { return words::wordOf(words::kTicketStatus, s); }
std::string_view toString(RepairCategory c) { return words::wordOf(words::kRepairCategory, c); }
std::string_view toString(ComplaintCategory c) { return words::wordOf(words::kComplaintCategory, c); }
std::optional<TicketStatus> ticketStatusFrom(std::string_view s) {
    return words::valueOf<TicketStatus>(words::kTicketStatus, s);
}
std::optional<RepairCategory> repairCategoryFrom(std::string_view s) {
    return words::valueOf<RepairCategory>(words::kRepairCategory, s);
}

}  // namespace homedesk
