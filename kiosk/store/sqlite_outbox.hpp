// The sync thread's side of the store: the queued submissions in order, their delivery (which
// drops the phone: R7), failed attempts, queue figures, and ticket status from the head office.
// A view on a TerminalDb's connection and phone key (terminal_db.hpp): it lives on that thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/ticket.hpp"
#include "kiosk/store/phone_cipher.hpp"
#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

struct OutboxItem {
    std::int64_t seq = 0;  // queue order
    std::string clientId;  // the idempotency key
    std::string kind;      // "repair" | "complaint" | "survey": the wire words
    std::int64_t createdAt = 0;
    std::string payloadJson;  // exactly the payload to send, phone included when one was given
    int attempts = 0;
    std::int64_t queuedAt = 0;  // unix seconds, when it was committed
    std::optional<std::string> lastError;
};

struct OutboxStats {
    std::int64_t depth = 0;
    std::int64_t oldestAgeSeconds = 0;  // 0 when empty
};

// A change from the head office's status feed (sync/protocol's TicketStatusChange, in store words).
struct StatusChange {
    std::string ticketNumber;
    std::string clientId;
    TicketStatus status = TicketStatus::Submitted;
    std::string note;
    std::int64_t changedAt = 0;
};

class SqliteOutbox {
public:
    SqliteOutbox(Db& db, const PhoneCipher& cipher) : m_db(db), m_cipher(cipher) {}

    // The oldest `limit` undelivered items, oldest first. Reading does not remove them.
    Result<std::vector<OutboxItem>> pending(int limit);

    // The head office has the item: remove it from the queue (with its sealed phone), and record
    // its ticket number on the ticket. Delivering an item twice is not an error.
    Status markDelivered(const std::string& clientId, const std::optional<std::string>& ticketNumber,
                         std::int64_t at);

    // Refused for good by the head office: out of the queue (with its sealed phone) into
    // rejected_submissions, kept for a person.
    Status markRejected(const std::string& clientId, const std::string& errorCode, const std::string& message,
                        std::int64_t at);

    // A failed attempt: the item stays queued, in place, with its count and the reason.
    Status recordFailure(const std::string& clientId, const std::string& reason, std::int64_t at);

    // A batch's answers (delivered, rejected, failed) in one transaction: one disk sync per batch.
    struct Settlement {
        enum class Kind { Delivered, Rejected, Failed } kind = Kind::Delivered;
        std::string clientId;
        std::optional<std::string> ticketNumber;  // Delivered
        std::string errorCode;                    // Rejected
        std::string message;                      // Rejected, Failed
    };
    Status settle(const std::vector<Settlement>& items, std::int64_t at);

    Result<OutboxStats> stats(std::int64_t now);

    // Appends to the ticket's status history; NotFound when the ticket is not this terminal's.
    Status applyStatusChange(const StatusChange& change);
    // A page of the status feed and its cursor in one transaction; changes for tickets this
    // terminal did not file are skipped.
    Status applyStatusPage(const std::vector<StatusChange>& changes, const std::string& feed, const std::string& cursor);
    Result<std::string> cursor(const std::string& feed);

    Db& db() { return m_db; }

private:
    Status applyInTransaction(const StatusChange& change);
    Status deliveredInTransaction(const std::string& clientId, const std::optional<std::string>& ticketNumber,
                                  std::int64_t at);
    Status rejectedInTransaction(const std::string& clientId, const std::string& errorCode, const std::string& message,
                                 std::int64_t at);
    Status failureInTransaction(const std::string& clientId, const std::string& reason, std::int64_t at);

    Db& m_db;
    const PhoneCipher& m_cipher;
};

}  // namespace homedesk::store
