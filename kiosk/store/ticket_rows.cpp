// Ticket row mapping and status history.
#include "kiosk/store/ticket_rows.hpp"

#include "kiosk/store/store_codes.hpp"

namespace homedesk::store {

const std::string_view kTicketColumns =
    "t.client_id, t.ticket_number, t.kind, t.category, t.location_kind, t.building_id, t.unit, "
    "t.place_id, t.urgency, t.description, t.phone_last4, t.delivered_at, t.created_at, "
    "t.promised_by, "
    "t.tracking_code, t.status, t.co_reporters, "
    "EXISTS (SELECT 1 FROM survey_responses s WHERE s.ticket_number IN (t.ticket_number, "
    "t.tracking_code))";

TicketRecord readTicketRow(const Statement& row) {
    TicketRecord r;
    r.clientId = row.text(0);
    r.ticketNumber = row.optText(1);
    r.kind = ticketKindFromCode(row.text(2)).value_or(TicketKind::Repair);
    r.repairCategory = repairCategoryFromCode(row.text(3)).value_or(RepairCategory::Other);
    r.location.kind =
        row.text(4) == "public" ? TicketLocation::Kind::PublicPlace : TicketLocation::Kind::Home;
    r.location.buildingId = row.text(5);
    r.location.unit = row.text(6);
    r.location.placeId = row.text(7);
    r.urgency = urgencyFromCode(row.text(8)).value_or(Urgency::Normal);
    r.description = row.text(9);
    r.phoneLast4 = row.text(10);
    r.delivered = !row.isNull(11);
    r.createdAt = row.integer(12);
    r.promisedBy = row.integer(13);
    r.trackingCode = row.text(14);
    r.status = ticketStatusFromCode(row.text(15)).value_or(TicketStatus::Submitted);
    r.coReporters = static_cast<int>(row.integer(16));
    r.callbackAnswered = row.integer(17) != 0;
    return r;
}

Status loadHistory(Db& db, TicketRecord& record) {
    auto stmt = db.prepare(
        "SELECT status, at, note FROM ticket_status_history WHERE client_id = ?1 ORDER BY at, id");
    if (!stmt) return stmt.error();
    stmt->bind(1, record.clientId);
    record.history.clear();
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        auto status = ticketStatusFromCode(stmt->text(0));
        if (!status) continue;  // a word from a newer program; skip rather than fail the read
        record.history.push_back(StatusEvent{*status, stmt->integer(1), stmt->text(2)});
    }
    return Done{};
}

Status appendStatus(Db& db, const std::string& clientId, const StatusEvent& event,
                    std::string_view source) {
    auto insert = db.prepare(
        "INSERT INTO ticket_status_history (client_id, status, at, note, source) "
        "SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM ticket_status_history "
        "WHERE client_id = ?1 AND status = ?2 AND at = ?3)");
    if (!insert) return insert.error();
    insert->bind(1, clientId)
        .bind(2, code(event.status))
        .bind(3, event.at)
        .bind(4, event.note)
        .bind(5, source);
    auto inserted = insert->run();
    if (!inserted) return inserted.error();
    auto current = db.prepare(
        "UPDATE tickets SET status = (SELECT status FROM ticket_status_history WHERE client_id = "
        "?1 "
        "ORDER BY at DESC, id DESC LIMIT 1) WHERE client_id = ?1");
    if (!current) return current.error();
    current->bind(1, clientId);
    return current->run();
}

}  // namespace homedesk::store
