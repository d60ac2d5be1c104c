#include "kiosk/core/ticket.hpp"

#include <array>
#include <utility>

namespace homedesk {

namespace {
template <typename E, size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "unknown";
}
template <typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [e, n] : table)
        if (n == name) return e;
    return std::nullopt;
}

// Stable names: they go into the database and onto the wire.
constexpr std::array<std::pair<TicketStatus, std::string_view>, 6> kStatuses{{
    {TicketStatus::Submitted, "submitted"},
    {TicketStatus::Accepted, "accepted"},
    {TicketStatus::Dispatched, "dispatched"},
    {TicketStatus::InProgress, "in_progress"},
    {TicketStatus::Resolved, "resolved"},
    {TicketStatus::CallbackDone, "callback_done"},
}};
constexpr std::array<std::pair<RepairCategory, std::string_view>, 7> kRepairCategoryNames{{
    {RepairCategory::WaterElectric, "water_electric"},
    {RepairCategory::DoorsWindows, "doors_windows"},
    {RepairCategory::Elevator, "elevator"},
    {RepairCategory::Lighting, "lighting"},
    {RepairCategory::Pipes, "pipes"},
    {RepairCategory::Gas, "gas"},
    {RepairCategory::Other, "other"},
}};
constexpr std::array<std::pair<ComplaintCategory, std::string_view>, 8> kComplaintCategoryNames{{
    {ComplaintCategory::Service, "service"},
    {ComplaintCategory::Environment, "environment"},
    {ComplaintCategory::Security, "security"},
    {ComplaintCategory::Facilities, "facilities"},
    {ComplaintCategory::Fees, "fees"},
    {ComplaintCategory::Neighbours, "neighbours"},
    {ComplaintCategory::Suggestion, "suggestion"},
    {ComplaintCategory::Other, "other"},
}};
}  // namespace

std::string_view toString(TicketKind k) { return k == TicketKind::Repair ? "repair" : "complaint"; }
std::string_view toString(Urgency u) { return u == Urgency::Urgent ? "urgent" : "normal"; }
std::string_view toString(TicketStatus s) { return nameOf(kStatuses, s); }
std::string_view toString(RepairCategory c) { return nameOf(kRepairCategoryNames, c); }
std::string_view toString(ComplaintCategory c) { return nameOf(kComplaintCategoryNames, c); }
std::optional<TicketStatus> ticketStatusFrom(std::string_view s) { return valueOf(kStatuses, s); }
std::optional<RepairCategory> repairCategoryFrom(std::string_view s) { return valueOf(kRepairCategoryNames, s); }

}  // namespace homedesk
