// GET /api/v1/tickets/status?since=: status changes of the tickets this terminal filed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace homedesk::protocol {

// 已提交 → 已受理 → 已派单 → 处理中 → 已完成 → 已回访
enum class TicketState { Submitted, Accepted, Dispatched, InProgress, Resolved, CallbackDone };

struct TicketStatusChange {
    std::string ticket_number;
    std::string client_id;  // the terminal's id for the submission that made the ticket
    TicketState status = TicketState::Submitted;
    std::string note;  // resident-visible note, may be empty
    std::int64_t changed_at = 0;
};

struct TicketStatusFeed {
    std::vector<TicketStatusChange> changes;
    std::string cursor;
    bool more = false;
};

std::string_view toString(TicketState state);
std::optional<TicketState> ticketStateFrom(std::string_view s);

}  // namespace homedesk::protocol
