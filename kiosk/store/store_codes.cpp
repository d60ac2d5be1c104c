// Enum <-> stored word tables.
#include "kiosk/store/store_codes.hpp"

namespace homedesk::store {
namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::pair<E, std::string_view> (&table)[N], std::string_view text) {
    for (const auto& [value, word] : table)
        if (word == text) return value;
    return std::nullopt;
}

template <typename E, size_t N>
std::string_view wordOf(const std::pair<E, std::string_view> (&table)[N], E value) {
    for (const auto& [v, word] : table)
        if (v == value) return word;
    return table[0].second;
}

constexpr std::pair<TicketKind, std::string_view> kKinds[] = {
    {TicketKind::Repair, "repair"}, {TicketKind::Complaint, "complaint"}};

constexpr std::pair<RepairCategory, std::string_view> kRepairCategories[] = {
    {RepairCategory::WaterElectric, "water_electric"}, {RepairCategory::DoorsWindows, "doors_windows"},
    {RepairCategory::Elevator, "elevator"},            {RepairCategory::Lighting, "lighting"},
    {RepairCategory::Pipes, "pipes"},                  {RepairCategory::Gas, "gas"},
    {RepairCategory::Other, "other"}};

constexpr std::pair<ComplaintCategory, std::string_view> kComplaintCategories[] = {
    {ComplaintCategory::Service, "service"},       {ComplaintCategory::Environment, "environment"},
    {ComplaintCategory::Security, "security"},     {ComplaintCategory::Facilities, "facilities"},
    {ComplaintCategory::Fees, "fees"},             {ComplaintCategory::Neighbours, "neighbours"},
    {ComplaintCategory::Suggestion, "suggestion"}, {ComplaintCategory::Other, "other"}};

constexpr std::pair<Urgency, std::string_view> kUrgencies[] = {
    {Urgency::Urgent, "urgent"}, {Urgency::Normal, "normal"}};

constexpr std::pair<TicketStatus, std::string_view> kStatuses[] = {
    {TicketStatus::Submitted, "submitted"},   {TicketStatus::Accepted, "accepted"},
    {TicketStatus::Dispatched, "dispatched"}, {TicketStatus::InProgress, "in_progress"},
    {TicketStatus::Resolved, "resolved"},     {TicketStatus::CallbackDone, "callback_done"}};

}  // namespace

std::string_view code(TicketKind kind) { return wordOf(kKinds, kind); }
std::string_view code(RepairCategory category) { return wordOf(kRepairCategories, category); }
std::string_view code(ComplaintCategory category) { return wordOf(kComplaintCategories, category); }
std::string_view code(Urgency urgency) { return wordOf(kUrgencies, urgency); }
std::string_view code(TicketStatus status) { return wordOf(kStatuses, status); }

std::optional<TicketKind> ticketKindFromCode(std::string_view text) { return lookup(kKinds, text); }
std::optional<RepairCategory> repairCategoryFromCode(std::string_view text) {
    return lookup(kRepairCategories, text);
}
std::optional<Urgency> urgencyFromCode(std::string_view text) { return lookup(kUrgencies, text); }
std::optional<TicketStatus> ticketStatusFromCode(std::string_view text) { return lookup(kStatuses, text); }

bool isOpen(TicketStatus status) {
    return status != TicketStatus::Resolved && status != TicketStatus::CallbackDone;
}

}  // namespace homedesk::store
