// What the flows need from storage, declared here and implemented by kiosk/store (SQLite).
// submit() returns only after the ticket and its outbox row are durable on disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

class TicketStore {
public:
    virtual ~TicketStore() = default;

    // Commits the ticket and its outbox item in one durable transaction (synchronous=FULL).
    virtual Result<Receipt> submit(const NewTicket& ticket) = 0;

    // Whether the head office has the submission with this client id (ticket, co-report or
    // survey answer); false while it is queued or unknown.
    virtual Result<bool> delivered(const std::string& clientId) = 0;

    // Open tickets already filed at a public place, newest first ("me too").
    virtual Result<std::vector<TicketRecord>> openTicketsAt(const std::string& placeId) = 0;

    // Tracking: a ticket number (or tracking code) and the last four digits of the phone used.
    virtual Result<std::optional<TicketRecord>> findForTracking(const std::string& number,
                                                                const std::string& phoneLast4) = 0;
};

}  // namespace homedesk
