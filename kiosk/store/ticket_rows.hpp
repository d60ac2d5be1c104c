// Reading tickets and their status history out of the tickets tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/ticket.hpp"
#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

// Select list matching readTicketRow(); use as "SELECT " + kTicketColumns + " FROM tickets t ...".
extern const std::string_view kTicketColumns;

TicketRecord readTicketRow(const Statement& row);

// Fills record.history, oldest first (by time, then by arrival).
Status loadHistory(Db& db, TicketRecord& record);

// Appends a history event and moves the ticket's current status to the latest event by time.
// An event already recorded (same status and time) is not added twice: feeds may replay.
Status appendStatus(Db& db, const std::string& clientId, const StatusEvent& event,
                    std::string_view source);

}  // namespace homedesk::store
