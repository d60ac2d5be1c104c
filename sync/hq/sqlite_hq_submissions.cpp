// Submissions and tickets in the SQLite store. Idempotency: (terminal_id, client_id) is the
// primary key and the content hash decides between "resent" and "conflict", in one transaction.
// A new ticket gets the desk's columns and its SLA deadlines at once; a "me too" joins.
#include "sync/hq/desk/ticket_fields.hpp"
#include "sync/hq/sqlite_hq_guard.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq {

using protocol::ItemStatus;
using protocol::SubmissionResult;

namespace {
// Compares a secret the caller sent with the stored one in time that does not depend on where
// they differ.
bool sameSecret(const std::string& stored, const std::string& sent) {
    return stored.size() == sent.size() &&
           sodium_memcmp(stored.data(), sent.data(), stored.size()) == 0;
}
}  // namespace

Result<SubmissionResult> SqliteHqStore::storeSubmission(const TerminalRecord& terminal,
                                                        const protocol::Submission& item,
                                                        std::int64_t now) {
    return guarded<SubmissionResult>("submission", [&] {
        Transaction tx(*m_db);
        SubmissionResult r = insertSubmission(terminal, item, now);
        tx.commit();
        return r;
    });
}

Result<std::vector<SubmissionResult>> SqliteHqStore::storeSubmissions(
    const TerminalRecord& terminal, const std::vector<protocol::Submission>& items,
    std::int64_t now) {
    return guarded<std::vector<SubmissionResult>>("submissions", [&] {
        Transaction tx(*m_db);
        std::vector<SubmissionResult> results;
        results.reserve(items.size());
        for (const auto& item : items) results.push_back(insertSubmission(terminal, item, now));
        tx.commit();
        return results;
    });
}

// A new ticket from a terminal's repair or complaint, with the desk's columns and its deadlines.
std::string SqliteHqStore::insertTicket(const TerminalRecord& terminal,
                                        const protocol::Submission& item, const TicketFields& f,
                                        std::int64_t now) {
    const bool repair = item.kind == protocol::SubmissionKind::Repair;
    const auto [number, n] = nextTicketNumber(repair ? 'R' : 'C');
    const std::string kind(protocol::toString(item.kind));
    const SlaTimes sla = startTimes(m_slaPolicy, slaClassOf(kind, f.urgency), now);
    m_db->prepare("INSERT INTO tickets(number, seq, terminal_id, client_id, kind, "
                  "community_id, status, created_at, updated_at, category, urgency, building_id, "
                  "place, summary, tracking_code, response_due_at, resolve_due_at, next_due_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, number).bind(2, n).bind(3, terminal.id).bind(4, item.client_id)
        .bind(5, kind).bind(6, terminal.community_id).bind(7, now).bind(8, now)
        .bind(9, f.category).bind(10, f.urgency).bind(11, f.buildingId).bind(12, f.place)
        .bind(13, f.summary).bind(14, f.trackingCode).bind(15, sla.response_due_at)
        .bind(16, sla.resolve_due_at).bind(17, nextDue(sla)).run();
    m_db->prepare("INSERT INTO ticket_changes(ticket_number, terminal_id, status, note, "
                  "changed_at) VALUES (?, ?, 'submitted', '', ?)")
        .bind(1, number).bind(2, terminal.id).bind(3, now).run();
    return number;
}

// "Me too": a report naming an open ticket of the same community joins it as a co-reporter and
// is answered with that ticket's number. nullopt: nothing to join (a new ticket is made).
std::optional<std::string> SqliteHqStore::joinOpenTicket(const std::string& ticketNumber,
                                                         const TerminalRecord& terminal,
                                                         const protocol::Submission& item,
                                                         std::int64_t now) {
    auto open = m_db->prepare("SELECT 1 FROM tickets WHERE number = ? AND community_id = ? "
                              "AND status NOT IN ('resolved', 'callback_done')");
    if (!open.bind(1, ticketNumber).bind(2, terminal.community_id).step()) return std::nullopt;
    m_db->prepare("INSERT INTO ticket_co_reports(ticket_number, terminal_id, client_id, at) "
                  "VALUES (?, ?, ?, ?)")
        .bind(1, ticketNumber).bind(2, terminal.id).bind(3, item.client_id).bind(4, now).run();
    m_db->prepare("UPDATE tickets SET co_reporters = co_reporters + 1 WHERE number = ?")
        .bind(1, ticketNumber).run();
    insertEvent(ticketNumber, {now, "terminal", "co_report", "", "", ""});
    return ticketNumber;
}

SubmissionResult SqliteHqStore::insertSubmission(const TerminalRecord& terminal,
                                                 const protocol::Submission& item,
                                                 std::int64_t now) {
    const std::string hash = protocol::contentHash(item);
    auto existing = m_db->prepare(
        "SELECT content_hash, ticket_number FROM submissions "
        "WHERE terminal_id = ? AND client_id = ?");
    if (existing.bind(1, terminal.id).bind(2, item.client_id).step()) {
        SubmissionResult r{item.client_id, ItemStatus::Accepted, existing.optText(1), true, {}};
        if (existing.text(0) != hash) {
            r = {item.client_id, ItemStatus::Rejected, std::nullopt, false,
                 protocol::ProtocolError{
                     protocol::ErrorCode::Conflict,
                     "client_id " + item.client_id +
                         " was already used for different content; make a new id"}};
        }
        return r;
    }

    std::optional<std::string> number;
    if (item.kind != protocol::SubmissionKind::Survey) {
        const TicketFields f = ticketFields(item.payload);
        if (f.coReportOf) number = joinOpenTicket(*f.coReportOf, terminal, item, now);
        if (!number) number = insertTicket(terminal, item, f, now);
    }
    m_db->prepare("INSERT INTO submissions(terminal_id, client_id, kind, content_hash, "
                  "created_at, received_at, payload, ticket_number) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, terminal.id).bind(2, item.client_id).bind(3, protocol::toString(item.kind))
        .bind(4, hash).bind(5, item.created_at).bind(6, now)
        .bind(7, storedPayload(item.payload))
        .bind(8, number).run();
    if (item.kind == protocol::SubmissionKind::Survey) closeCallback(terminal, item, now);
    return SubmissionResult{item.client_id, ItemStatus::Accepted, number, false, {}};
}

// A survey answered for a resolved ticket of the same community is that ticket's callback (回访):
// the ticket moves to callback_done and the filing terminal hears it through its status feed.
// It must prove it comes from the resident: the ticket's tracking code (on the receipt, in no
// feed; ticket numbers count up and any terminal could name one) comes with it. Anything else
// (no number, no or another code, another community, not yet resolved) leaves tickets alone;
// the answers are kept as a survey.
void SqliteHqStore::closeCallback(const TerminalRecord& terminal, const protocol::Submission& item,
                                  std::int64_t now) {
    const auto number = item.payload.find("ticket_number");
    const auto code = item.payload.find("tracking_code");
    if (number == item.payload.end() || !number->is_string()) return;
    auto ticket = m_db->prepare(
        "SELECT terminal_id, tracking_code FROM tickets WHERE number = ? AND community_id = ? "
        "AND status = 'resolved'");
    if (!ticket.bind(1, number->get<std::string>()).bind(2, terminal.community_id).step()) return;
    const std::optional<std::string> expected = ticket.optText(1);
    if (!expected || code == item.payload.end() || !code->is_string() ||
        !sameSecret(*expected, code->get<std::string>())) {
        spdlog::warn("callback for {} from terminal {} without the ticket's tracking code: kept as "
                     "a survey, the ticket is unchanged",
                     protocol::printableLine(number->get<std::string>()), terminal.id);
        return;
    }
    recordStatus(number->get<std::string>(), ticket.text(0), protocol::TicketState::CallbackDone,
                 "", "terminal:" + terminal.id, now);
    // Scored 1-2 anywhere: the resident is unhappy with how it went, and someone must answer.
    std::string low;
    const auto scores = item.payload.find("answers");
    if (scores != item.payload.end() && scores->is_object() && scores->contains("scores") &&
        (*scores)["scores"].is_object())
        for (const auto& [dimension, score] : (*scores)["scores"].items()) {
            // Only plain dimension ids go into the note staff read ("repair 1, security 2").
            const bool plain =
                !dimension.empty() && dimension.size() <= 32 &&
                dimension.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
            if (plain && score.is_number_integer() && score.get<std::int64_t>() <= 2)
                low += (low.empty() ? "" : ", ") + dimension + " " +
                       std::to_string(score.get<std::int64_t>());
        }
    if (!low.empty()) openFollowUp(number->get<std::string>(), terminal, item, low, now);
}

// The follow-up of an unhappy callback: an office ticket (no terminal's feed carries it) that
// names the ticket it follows and is due within 24 hours (the callback procedure: a resident's
// problem is answered within 24 h).
void SqliteHqStore::openFollowUp(const std::string& ticketNumber, const TerminalRecord& terminal,
                                 const protocol::Submission& item, const std::string& why,
                                 std::int64_t now) {
    const auto [number, n] = nextTicketNumber('F');
    const std::string note = "callback scored " + why;
    const SlaTimes sla = startTimes(m_slaPolicy, SlaClass::FollowUp, now);
    m_db->prepare(
            "INSERT INTO tickets(number, seq, terminal_id, client_id, kind, community_id, status, "
            "note, "
            "created_at, updated_at, follows, due_at, category, summary, response_due_at, "
            "resolve_due_at, next_due_at) VALUES (?, ?, '', ?, 'followup', ?, 'submitted', ?, ?, "
            "?, ?, ?, "
            "'callback', ?, ?, ?, ?)")
        .bind(1, number)
        .bind(2, n)
        .bind(3, item.client_id)
        .bind(4, terminal.community_id)
        .bind(5, note)
        .bind(6, now)
        .bind(7, now)
        .bind(8, ticketNumber)
        .bind(9, now + kFollowUpDueSeconds)
        .bind(10, note)
        .bind(11, sla.response_due_at)
        .bind(12, sla.resolve_due_at)
        .bind(13, nextDue(sla))
        .run();
    // Also the follow-up's row on the ticket it follows, for whoever reads that ticket.
    insertEvent(ticketNumber, {now, "system", "follow_up", "", "", number + ": " + note});
    m_db->prepare(
            "INSERT INTO ticket_changes(ticket_number, terminal_id, status, note, changed_at) "
            "VALUES (?, '', 'submitted', ?, ?)")
        .bind(1, number)
        .bind(2, note)
        .bind(3, now)
        .run();
}

std::pair<std::string, std::int64_t> SqliteHqStore::nextTicketNumber(char prefix) {
    auto seq = m_db->prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM tickets");
    seq.step();
    const std::int64_t n = seq.integer(0);
    char text[32];
    std::snprintf(text, sizeof text, "%c-%06lld", prefix, static_cast<long long>(n));
    return {text, n};
}

void SqliteHqStore::recordStatus(const std::string& ticketNumber, const std::string& terminalId,
                                 protocol::TicketState status, const std::string& note,
                                 const std::string& actor, std::int64_t now) {
    const std::string state(protocol::toString(status));
    reachStatus(ticketNumber, status, actor, note, now);
    m_db->prepare("INSERT INTO ticket_changes(ticket_number, terminal_id, status, note, "
                  "changed_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, ticketNumber).bind(2, terminalId).bind(3, state).bind(4, note)
        .bind(5, now).run();
}

Result<TicketRecord> SqliteHqStore::setTicketStatus(const std::string& ticketNumber,
                                                    protocol::TicketState status,
                                                    const std::string& note, std::int64_t now) {
    return guarded<TicketRecord>("ticket status", [&]() -> Result<TicketRecord> {
        Transaction tx(*m_db);
        auto st = m_db->prepare("SELECT terminal_id, client_id FROM tickets WHERE number = ?");
        if (!st.bind(1, ticketNumber).step())
            return Error{Error::Kind::NotFound, "hq store", "no ticket " + ticketNumber, false};
        TicketRecord t{ticketNumber, st.text(0), st.text(1), status};
        recordStatus(ticketNumber, t.terminal_id, status, note, "cli", now);
        tx.commit();
        return t;
    });
}

Result<std::vector<TicketSummary>> SqliteHqStore::tickets(bool openOnly) {
    return guarded<std::vector<TicketSummary>>("tickets", [&] {
        std::vector<TicketSummary> out;
        auto st = m_db->prepare(
            std::string(
                "SELECT number, kind, community_id, status, note, follows, due_at, created_at, "
                "category, assignee, escalation "
                "FROM tickets ") +
            (openOnly ? "WHERE status NOT IN ('resolved', 'callback_done') " : "") +
            "ORDER BY seq DESC");
        while (st.step())
            out.push_back(
                {st.text(0), st.text(1), st.text(2),
                 protocol::ticketStateFrom(st.text(3)).value_or(protocol::TicketState::Submitted),
                 st.text(4), st.optText(5), st.optInteger(6), st.integer(7), st.text(8),
                 st.optText(9), static_cast<int>(st.integer(10))});
        return out;
    });
}

Result<protocol::TicketStatusFeed> SqliteHqStore::ticketChangesSince(
    const TerminalRecord& terminal, std::int64_t since, int limit) {
    return guarded<protocol::TicketStatusFeed>("ticket feed", [&] {
        protocol::TicketStatusFeed feed;
        Transaction snapshot(*m_db, Transaction::Mode::Read);  // rows and MAX(seq) agree
        auto st = m_db->prepare(
            "SELECT c.seq, c.ticket_number, t.client_id, c.status, c.note, c.changed_at "
            "FROM ticket_changes c JOIN tickets t ON t.number = c.ticket_number "
            "WHERE c.terminal_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?");
        st.bind(1, terminal.id).bind(2, since).bind(3, std::int64_t{limit});
        std::int64_t last = since;
        while (st.step()) {
            last = st.integer(0);
            feed.changes.push_back({st.text(1), st.text(2),
                                    protocol::ticketStateFrom(st.text(3))
                                        .value_or(protocol::TicketState::Submitted),
                                    st.text(4), st.integer(5)});
        }
        feed.more = static_cast<int>(feed.changes.size()) == limit;
        if (!feed.more) {
            // Skip past other terminals' changes so the next wait starts from now.
            auto top = m_db->prepare("SELECT COALESCE(MAX(seq), 0) FROM ticket_changes");
            top.step();
            last = std::max(last, top.integer(0));
        }
        feed.cursor = std::to_string(last);
        snapshot.commit();
        return feed;
    });
}

}  // namespace homedesk::hq
