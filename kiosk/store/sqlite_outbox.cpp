// Outbox reads and acknowledgements for the sync engine.
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sync_cursors.hpp"

#include "kiosk/store/input_rules.hpp"
#include "kiosk/store/store_open.hpp"
#include "kiosk/store/submission_payload.hpp"
#include "kiosk/store/ticket_rows.hpp"

namespace homedesk::store {

Result<std::vector<OutboxItem>> SqliteOutbox::pending(int limit) {
    return guarded<std::vector<OutboxItem>>("store.outbox.pending", [&]() -> Result<std::vector<OutboxItem>> {
        auto stmt = m_db.prepare(
            "SELECT seq, client_id, kind, created_at, payload, phone_sealed, attempts, queued_at, last_error "
            "FROM outbox ORDER BY seq LIMIT ?1");
        if (!stmt) return stmt.error();
        stmt->bind(1, static_cast<std::int64_t>(limit < 0 ? 0 : limit));
        std::vector<OutboxItem> items;
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            OutboxItem item;
            item.seq = stmt->integer(0);
            item.clientId = stmt->text(1);
            item.kind = stmt->text(2);
            item.createdAt = stmt->integer(3);
            item.payloadJson = stmt->text(4);
            if (!stmt->isNull(5)) {
                auto phone = m_cipher.open(stmt->blob(5));
                if (!phone) return phone.error();
                item.payloadJson = payloadWithPhone(item.payloadJson, *phone);
            }
            item.attempts = static_cast<int>(stmt->integer(6));
            item.queuedAt = stmt->integer(7);
            item.lastError = stmt->optText(8);
            items.push_back(std::move(item));
        }
        return items;
    });
}

Status SqliteOutbox::markDelivered(const std::string& clientId, const std::optional<std::string>& ticketNumber,
                                   std::int64_t at) {
    return settle({{Settlement::Kind::Delivered, clientId, ticketNumber, {}, {}}}, at);
}

Status SqliteOutbox::settle(const std::vector<Settlement>& items, std::int64_t at) {
    return guarded<Done>("store.outbox.settle", [&]() -> Status {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        for (const auto& item : items) {
            Status done = Done{};
            switch (item.kind) {
                case Settlement::Kind::Delivered: done = deliveredInTransaction(item.clientId, item.ticketNumber, at); break;
                case Settlement::Kind::Rejected: done = rejectedInTransaction(item.clientId, item.errorCode, item.message, at); break;
                case Settlement::Kind::Failed: done = failureInTransaction(item.clientId, item.message, at); break;
            }
            if (!done) return done;
        }
        return tx->commit();
    });
}

Status SqliteOutbox::deliveredInTransaction(const std::string& clientId, const std::optional<std::string>& ticketNumber,
                                            std::int64_t at) {
    auto remove = m_db.prepare("DELETE FROM outbox WHERE client_id = ?1");
    if (!remove) return remove.error();
    remove->bind(1, clientId);
    if (auto removed = remove->run(); !removed) return removed.error();

    auto ticket = m_db.prepare(
        "UPDATE tickets SET delivered_at = coalesce(delivered_at, ?2), "
        "ticket_number = coalesce(ticket_number, ?3) WHERE client_id = ?1");
    if (!ticket) return ticket.error();
    ticket->bind(1, clientId).bind(2, at).bind(3, ticketNumber);
    if (auto updated = ticket->run(); !updated) return updated.error();

    for (const char* sql : {"UPDATE co_reports SET delivered_at = coalesce(delivered_at, ?2) WHERE client_id = ?1",
                            "UPDATE survey_responses SET delivered_at = coalesce(delivered_at, ?2) WHERE client_id = ?1"}) {
        auto other = m_db.prepare(sql);
        if (!other) return other.error();
        other->bind(1, clientId).bind(2, at);
        if (auto updated = other->run(); !updated) return updated.error();
    }
    return Done{};
}

Status SqliteOutbox::recordFailure(const std::string& clientId, const std::string& reason, std::int64_t at) {
    return guarded<Done>("store.outbox.recordFailure", [&]() -> Status { return failureInTransaction(clientId, reason, at); });
}

Status SqliteOutbox::failureInTransaction(const std::string& clientId, const std::string& reason, std::int64_t at) {
    auto stmt = m_db.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?2, last_error = ?3 WHERE client_id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, clientId).bind(2, at).bind(3, storableText(reason.substr(0, 500)));
    return stmt->run();
}

Result<OutboxStats> SqliteOutbox::stats(std::int64_t now) {
    return guarded<OutboxStats>("store.outbox.stats", [&]() -> Result<OutboxStats> {
        auto stmt = m_db.prepare("SELECT count(*), min(queued_at) FROM outbox");
        if (!stmt) return stmt.error();
        auto row = stmt->step();
        if (!row) return row.error();
        OutboxStats stats;
        stats.depth = stmt->integer(0);
        if (auto oldest = stmt->optInteger(1)) stats.oldestAgeSeconds = now > *oldest ? now - *oldest : 0;
        return stats;
    });
}

Status SqliteOutbox::markRejected(const std::string& clientId, const std::string& errorCode,
                                  const std::string& message, std::int64_t at) {
    return settle({{Settlement::Kind::Rejected, clientId, std::nullopt, errorCode, message}}, at);
}

Status SqliteOutbox::rejectedInTransaction(const std::string& clientId, const std::string& errorCode,
                                           const std::string& message, std::int64_t at) {
    auto keep = m_db.prepare(
        "INSERT OR IGNORE INTO rejected_submissions (client_id, kind, created_at, payload, error_code, "
        "error_message, rejected_at) SELECT client_id, kind, created_at, payload, ?2, ?3, ?4 FROM outbox "
        "WHERE client_id = ?1");
    if (!keep) return keep.error();
    keep->bind(1, clientId).bind(2, storableText(errorCode)).bind(3, storableText(message.substr(0, 500))).bind(4, at);
    if (auto kept = keep->run(); !kept) return kept.error();
    auto remove = m_db.prepare("DELETE FROM outbox WHERE client_id = ?1");
    if (!remove) return remove.error();
    remove->bind(1, clientId);
    return remove->run();
}

Status SqliteOutbox::applyStatusChange(const StatusChange& change) {
    return guarded<Done>("store.outbox.applyStatusChange", [&]() -> Status {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        if (auto applied = applyInTransaction(change); !applied) return applied.error();
        return tx->commit();
    });
}

Status SqliteOutbox::applyStatusPage(const std::vector<StatusChange>& changes, const std::string& feed,
                                     const std::string& cursor) {
    return guarded<Done>("store.outbox.applyStatusPage", [&]() -> Status {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        for (const auto& change : changes) {
            auto applied = applyInTransaction(change);
            if (!applied && applied.error().kind != Error::Kind::NotFound) return applied.error();
        }
        if (auto saved = saveCursor(m_db, feed, cursor); !saved) return saved.error();
        return tx->commit();
    });
}

Result<std::string> SqliteOutbox::cursor(const std::string& feed) {
    return guarded<std::string>("store.outbox.cursor", [&] { return readCursor(m_db, feed); });
}

Status SqliteOutbox::applyInTransaction(const StatusChange& change) {
    auto find = m_db.prepare(
        "SELECT client_id FROM tickets WHERE client_id = ?1 OR (?2 <> '' AND ticket_number = ?2) LIMIT 1");
    if (!find) return find.error();
    find->bind(1, change.clientId).bind(2, change.ticketNumber);
    auto row = find->step();
    if (!row) return row.error();
    if (!*row) return Error{Error::Kind::NotFound, "store.outbox.applyStatusChange", "no such ticket on this terminal", false};
    const std::string clientId = find->text(0);
    find = Statement();

    if (!change.ticketNumber.empty()) {
        auto number = m_db.prepare("UPDATE tickets SET ticket_number = ?2 WHERE client_id = ?1 AND ticket_number IS NULL");
        if (!number) return number.error();
        number->bind(1, clientId).bind(2, change.ticketNumber);
        if (auto updated = number->run(); !updated) return updated.error();
    }
    return appendStatus(m_db, clientId, StatusEvent{change.status, change.changedAt, storableText(change.note)}, "hq");
}

}  // namespace homedesk::store
