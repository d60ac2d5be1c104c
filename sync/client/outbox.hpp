// What the sync engine needs from the terminal's queue and feeds: interfaces that kiosk/store
// implements (sync/client knows nothing of SQLite). The outbox and the ticket sink are used
// from the push thread only; the notice sink from the notice thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/protocol/heartbeat.hpp"
#include "sync/protocol/notice.hpp"
#include "sync/protocol/protocol_error.hpp"
#include "sync/protocol/submission.hpp"
#include "sync/protocol/ticket_status.hpp"

namespace homedesk::sync {

struct QueueStats {
    std::int64_t depth = 0;
    std::optional<std::int64_t> oldest_age_s;  // empty queue: none
};

class Outbox {
public:
    virtual ~Outbox() = default;
    // The oldest `limit` undelivered items, oldest first, exactly as first stored: the same
    // client_id and content on every retry.
    virtual Result<std::vector<protocol::Submission>> pending(int limit) = 0;
    // The head office has it (first time or resent): remove it; keep the ticket number.
    virtual Status markDelivered(const std::string& clientId,
                                 const std::optional<std::string>& ticketNumber,
                                 std::int64_t at) = 0;
    // Refused for good (conflict, invalid): take it out of the queue and keep it for a person.
    virtual Status markRejected(const std::string& clientId, const protocol::ProtocolError& why,
                                std::int64_t at) = 0;
    // A failed attempt; the item stays in place.
    virtual Status recordFailure(const std::string& clientId, const std::string& reason,
                                 std::int64_t at) = 0;
    virtual Result<QueueStats> stats(std::int64_t now) = 0;

    // One batch's outcome at once. A real store makes it one durable commit rather than one per
    // item (a 50-item batch: one disk sync, not 50); this default applies them one by one.
    struct Outcome {
        enum class Kind { Delivered, Rejected, Failed } kind = Kind::Delivered;
        std::string client_id;
        std::optional<std::string> ticket_number;  // Delivered
        protocol::ProtocolError why;               // Rejected, Failed
    };
    virtual Status settle(const std::vector<Outcome>& outcomes, std::int64_t at);
};

// Applies a page and stores its cursor in one transaction; returns the stored cursor on start.
class TicketStatusSink {
public:
    virtual ~TicketStatusSink() = default;
    virtual Result<std::string> ticketCursor() = 0;
    virtual Status applyTicketPage(const std::vector<protocol::TicketStatusChange>& changes,
                                   const std::string& cursor) = 0;
};

class NoticeSink {
public:
    virtual ~NoticeSink() = default;
    virtual Result<std::string> noticeCursor() = 0;
    virtual Status applyNoticePage(const std::vector<protocol::Notice>& changes,
                                   const std::string& cursor) = 0;
};

// The record of notices actually shown (kept while offline too), reported with heartbeats.
// Used from the push thread.
class DisplayLog {
public:
    virtual ~DisplayLog() = default;
    virtual Result<std::vector<protocol::NoticeDisplay>> unreported(int limit) = 0;
    // The head office has these; they need not be sent again.
    virtual Status reported(const std::vector<protocol::NoticeDisplay>& displays) = 0;
};

}  // namespace homedesk::sync
