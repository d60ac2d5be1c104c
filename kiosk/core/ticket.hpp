// What a resident files on the terminal: repair requests and complaints, and the tickets they
// become. Plain data; the flows fill it in, the store keeps it, the sync engine sends it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homedesk {

enum class TicketKind { Repair, Complaint };

// The repair categories of the estate's service handbook. Gas shows the emergency line first.
enum class RepairCategory { WaterElectric, DoorsWindows, Elevator, Lighting, Pipes, Gas, Other };
inline constexpr RepairCategory kRepairCategories[] = {
    RepairCategory::WaterElectric, RepairCategory::DoorsWindows, RepairCategory::Elevator,
    RepairCategory::Lighting,      RepairCategory::Pipes,        RepairCategory::Gas,
    RepairCategory::Other};

enum class ComplaintCategory { Service, Environment, Security, Facilities, Fees, Neighbours, Suggestion, Other };

// 急修: response promised within 30 minutes; 一般: arranged within 24 hours.
enum class Urgency { Urgent, Normal };

// 已提交 → 已受理 → 已派单 → 处理中 → 已完成 → 已回访
enum class TicketStatus { Submitted, Accepted, Dispatched, InProgress, Resolved, CallbackDone };

std::string_view toString(TicketKind);
std::string_view toString(RepairCategory);
std::string_view toString(ComplaintCategory);
std::string_view toString(Urgency);
std::string_view toString(TicketStatus);
std::optional<TicketStatus> ticketStatusFrom(std::string_view);
std::optional<RepairCategory> repairCategoryFrom(std::string_view);

struct TicketLocation {
    enum class Kind { Home, PublicPlace } kind = Kind::Home;
    std::string buildingId;
    std::string unit;     // "2单元 1203" for a home
    std::string placeId;  // a public place of the building: "电梯 2号"
};

// A submission as the resident confirmed it, before the store has it.
struct NewTicket {
    std::string clientId;  // made on the terminal; the idempotency key all the way to the head office
    TicketKind kind = TicketKind::Repair;
    RepairCategory repairCategory = RepairCategory::Other;
    ComplaintCategory complaintCategory = ComplaintCategory::Service;
    TicketLocation location;
    Urgency urgency = Urgency::Normal;
    std::string description;
    std::string phone;  // digits only; encrypted at rest, dropped once the head office has it
    std::string preferredSlot;
    bool anonymous = false;
    bool toGeneralManager = false;
    std::optional<std::string> coReportOf;  // "me too": the ticket number this joins
    std::int64_t createdAt = 0;             // unix seconds
};

struct StatusEvent {
    TicketStatus status = TicketStatus::Submitted;
    std::int64_t at = 0;
    std::string note;
};

// A ticket as the terminal knows it.
struct TicketRecord {
    std::string clientId;
    std::optional<std::string> ticketNumber;  // assigned by the head office
    TicketKind kind = TicketKind::Repair;
    RepairCategory repairCategory = RepairCategory::Other;
    TicketLocation location;
    Urgency urgency = Urgency::Normal;
    std::string description;
    std::string phoneLast4;  // for tracking; the full number is never shown
    bool delivered = false;  // the head office has it
    std::int64_t createdAt = 0;
    std::int64_t promisedBy = 0;  // unix seconds: response (urgent) or arrangement (normal)
    std::vector<StatusEvent> history;
    std::string trackingCode;  // the terminal's own code; the head office number replaces it
    TicketStatus status = TicketStatus::Submitted;  // the latest by time
    int coReporters = 0;                            // residents who said "me too"
    bool callbackAnswered = false;                  // a callback survey for it was answered here
};

// What the receipt shows right after the durable commit.
struct Receipt {
    std::string clientId;
    std::string trackingCode;  // short code the resident can type; the head office number replaces it
    bool delivered = false;    // false: queued on the terminal, sent when the head office is reachable
    std::int64_t promisedBy = 0;
};

// The estate's published promise, in seconds from filing.
inline constexpr std::int64_t promiseSeconds(Urgency u) { return u == Urgency::Urgent ? 30 * 60 : 24 * 3600; }

}  // namespace homedesk
