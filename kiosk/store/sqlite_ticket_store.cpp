// Submissions, "me too" co-reports, and tracking reads.
#include "kiosk/store/sqlite_ticket_store.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "kiosk/store/input_rules.hpp"
#include "kiosk/store/outbox_enqueue.hpp"
#include "kiosk/store/store_codes.hpp"
#include "kiosk/store/store_open.hpp"
#include "kiosk/store/submission_payload.hpp"
#include "kiosk/store/ticket_rows.hpp"
#include "kiosk/store/tracking_code.hpp"

namespace homedesk::store {
namespace {

std::string last4Of(const std::string& phone) {
    return phone.size() >= 4 ? phone.substr(phone.size() - 4) : std::string();
}

Result<std::vector<TicketRecord>> readTickets(Db& db, Statement& stmt) {
    std::vector<TicketRecord> out;
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(readTicketRow(stmt));
    }
    for (auto& record : out) {
        auto history = loadHistory(db, record);
        if (!history) return history.error();
    }
    return out;
}

}  // namespace

Result<Receipt> SqliteTicketStore::submit(const NewTicket& ticket) {
    return guarded<Receipt>("store.submit", [&] { return submitLocked(ticket); });
}

Result<Receipt> SqliteTicketStore::submitLocked(const NewTicket& input) {
    auto checked = checkedTicket(input);
    if (!checked) return checked.error();
    const NewTicket& t = *checked;

    auto tx = Transaction::begin(m_db);
    if (!tx) return tx.error();

    // The same confirmation arriving twice (a retried tap) answers with the first receipt.
    auto existing = m_db.prepare("SELECT tracking_code, promised_by, delivered_at FROM tickets WHERE client_id = ?1");
    if (!existing) return existing.error();
    existing->bind(1, t.clientId);
    auto found = existing->step();
    if (!found) return found.error();
    if (*found) return Receipt{t.clientId, existing->text(0), !existing->isNull(2), existing->integer(1)};

    if (t.coReportOf) {
        auto receipt = submitCoReport(t);
        if (!receipt) return receipt.error();
        auto committed = tx->commit();
        if (!committed) return committed.error();
        return receipt;
    }

    auto tracking = freeTrackingCode(t.clientId);
    if (!tracking) return tracking.error();
    const std::int64_t promisedBy = t.createdAt + promiseSeconds(t.urgency);

    auto insert = m_db.prepare(
        "INSERT INTO tickets (client_id, tracking_code, kind, category, location_kind, building_id, unit, "
        "place_id, urgency, description, phone_last4, preferred_slot, anonymous, to_general_manager, status, "
        "created_at, promised_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    if (!insert) return insert.error();
    insert->bind(1, t.clientId)
        .bind(2, *tracking)
        .bind(3, code(t.kind))
        .bind(4, t.kind == TicketKind::Repair ? code(t.repairCategory) : code(t.complaintCategory))
        .bind(5, t.location.kind == TicketLocation::Kind::Home ? "home" : "public")
        .bind(6, t.location.buildingId)
        .bind(7, t.location.unit)
        .bind(8, t.location.placeId)
        .bind(9, code(t.urgency))
        .bind(10, t.description)
        .bind(11, last4Of(t.phone))
        .bind(12, t.preferredSlot)
        .bind(13, t.anonymous)
        .bind(14, t.toGeneralManager)
        .bind(15, code(TicketStatus::Submitted))
        .bind(16, t.createdAt)
        .bind(17, promisedBy);
    auto inserted = insert->run();
    if (!inserted) return inserted.error();

    auto history = appendStatus(m_db, t.clientId, StatusEvent{TicketStatus::Submitted, t.createdAt, ""}, "terminal");
    if (!history) return history.error();

    auto queued = queue(t, ticketPayload(t, *tracking));
    if (!queued) return queued.error();

    auto committed = tx->commit();
    if (!committed) return committed.error();
    return Receipt{t.clientId, *tracking, false, promisedBy};
}

Result<Receipt> SqliteTicketStore::submitCoReport(const NewTicket& t) {
    // The joined ticket may be one of ours (then its count and its code are known) or filed elsewhere.
    auto joined = m_db.prepare(
        "SELECT client_id, ticket_number, tracking_code, promised_by FROM tickets "
        "WHERE ticket_number = ?1 OR client_id = ?1 LIMIT 1");
    if (!joined) return joined.error();
    joined->bind(1, *t.coReportOf);
    auto row = joined->step();
    if (!row) return row.error();
    std::string follow = *t.coReportOf;
    std::int64_t promisedBy = t.createdAt + promiseSeconds(t.urgency);
    if (*row) {
        follow = joined->optText(1).value_or(joined->text(2));
        promisedBy = joined->integer(3);
        auto count = m_db.prepare("UPDATE tickets SET co_reporters = co_reporters + 1 WHERE client_id = ?1");
        if (!count) return count.error();
        count->bind(1, joined->text(0));
        auto counted = count->run();
        if (!counted) return counted.error();
    }

    auto insert = m_db.prepare(
        "INSERT INTO co_reports (client_id, ticket_ref, place_id, note, phone_last4, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return insert.error();
    insert->bind(1, t.clientId)
        .bind(2, *t.coReportOf)
        .bind(3, t.location.placeId)
        .bind(4, t.description)
        .bind(5, last4Of(t.phone))
        .bind(6, t.createdAt);
    auto inserted = insert->run();
    if (!inserted) return inserted.error();

    auto queued = queue(t, ticketPayload(t, follow));
    if (!queued) return queued.error();
    return Receipt{t.clientId, follow, false, promisedBy};
}

Result<std::string> SqliteTicketStore::freeTrackingCode(const std::string& clientId) {
    auto taken = m_db.prepare("SELECT 1 FROM tickets WHERE tracking_code = ?1");
    if (!taken) return taken.error();
    for (unsigned attempt = 0; attempt < 64; ++attempt) {
        std::string candidate = trackingCodeFor(clientId, attempt);
        taken->reset();
        taken->bind(1, candidate);
        auto row = taken->step();
        if (!row) return row.error();
        if (!*row) return candidate;
    }
    return Error{Error::Kind::Internal, "store.submit", "no free tracking code", false};
}

Status SqliteTicketStore::queue(const NewTicket& t, const std::string& payload) {
    OutboxEntry entry{t.clientId, code(t.kind), t.createdAt, payload, std::nullopt};
    if (!t.phone.empty()) entry.phoneSealed = m_cipher.seal(t.phone);
    return enqueue(m_db, entry);
}

Result<std::vector<TicketRecord>> SqliteTicketStore::openTicketsAt(const std::string& placeId) {
    return guarded<std::vector<TicketRecord>>("store.openTicketsAt", [&]() -> Result<std::vector<TicketRecord>> {
        auto stmt = m_db.prepare("SELECT " + std::string(kTicketColumns) +
                                 " FROM tickets t WHERE t.place_id = ?1 AND t.location_kind = 'public' "
                                 "AND t.status NOT IN ('resolved', 'callback_done') "
                                 "ORDER BY t.created_at DESC, t.rowid DESC");
        if (!stmt) return stmt.error();
        stmt->bind(1, placeId);
        return readTickets(m_db, *stmt);
    });
}

Result<std::optional<TicketRecord>> SqliteTicketStore::findForTracking(const std::string& number,
                                                                      const std::string& phoneLast4) {
    return guarded<std::optional<TicketRecord>>("store.findForTracking", [&]() -> Result<std::optional<TicketRecord>> {
        if (!isLast4(phoneLast4)) return invalidInput("store.findForTracking", "enter the last 4 digits of the phone");
        if (number.size() > 64) return invalidInput("store.findForTracking", "enter a ticket number");
        const auto typed = normalizeTrackingInput(number);
        if (!typed) return invalidInput("store.findForTracking", "enter a ticket number");
        // The resident who filed it, or a co-reporter who joined it with their own phone. Few
        // tickets share a phone's last four digits, so the number is compared here rather than
        // in SQL: a tracking code exactly, a head-office number by its digits ("R-000123",
        // "000123" and "123" are one ticket), so it can be typed on the keypad.
        auto stmt = m_db.prepare(
            "SELECT " + std::string(kTicketColumns) +
            " FROM tickets t WHERE t.phone_last4 = ?1 "
            "OR EXISTS (SELECT 1 FROM co_reports c WHERE c.phone_last4 = ?1 "
            "AND (c.ticket_ref = t.ticket_number OR c.ticket_ref = t.client_id)) ORDER BY t.created_at DESC");
        if (!stmt) return stmt.error();
        stmt->bind(1, phoneLast4);
        auto candidates = readTickets(m_db, *stmt);
        if (!candidates) return candidates.error();
        const bool allDigits = std::all_of(typed->begin(), typed->end(), [](char c) { return c >= '0' && c <= '9'; });
        const std::string digits = allDigits ? numberDigits(*typed) : std::string();
        const TicketRecord* byNumber = nullptr;
        for (const auto& t : *candidates) {
            if (t.trackingCode == *typed) return std::optional<TicketRecord>(t);
            if (!t.ticketNumber || byNumber) continue;
            const auto own = normalizeTrackingInput(*t.ticketNumber);
            if ((own && *own == *typed) || (!digits.empty() && numberDigits(*t.ticketNumber) == digits)) byNumber = &t;
        }
        if (byNumber) return std::optional<TicketRecord>(*byNumber);
        return std::optional<TicketRecord>();
    });
}

Result<bool> SqliteTicketStore::delivered(const std::string& clientId) {
    return guarded<bool>("store.delivered", [&]() -> Result<bool> {
        auto stmt = m_db.prepare(
            "SELECT 1 FROM tickets WHERE client_id = ?1 AND delivered_at IS NOT NULL "
            "UNION ALL SELECT 1 FROM co_reports WHERE client_id = ?1 AND delivered_at IS NOT NULL "
            "UNION ALL SELECT 1 FROM survey_responses WHERE client_id = ?1 AND delivered_at IS NOT NULL");
        if (!stmt) return stmt.error();
        stmt->bind(1, clientId);
        auto row = stmt->step();
        if (!row) return row.error();
        return row.value();
    });
}

Result<std::optional<TicketRecord>> SqliteTicketStore::ticket(const std::string& clientId) {
    return guarded<std::optional<TicketRecord>>("store.ticket", [&]() -> Result<std::optional<TicketRecord>> {
        auto stmt = m_db.prepare("SELECT " + std::string(kTicketColumns) + " FROM tickets t WHERE t.client_id = ?1");
        if (!stmt) return stmt.error();
        stmt->bind(1, clientId);
        auto found = readTickets(m_db, *stmt);
        if (!found) return found.error();
        if (found->empty()) return std::optional<TicketRecord>();
        return std::optional<TicketRecord>(std::move(found->front()));
    });
}

}  // namespace homedesk::store
