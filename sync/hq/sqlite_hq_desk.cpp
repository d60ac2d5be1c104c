// The ticket desk's SQL (docs/console.md, Tickets): the inbox query, one ticket with its notes,
// events, co-reporters and follow-ups, staff of a community, and one change written with its
// event, audit row and status-feed row in a single transaction.
#include <nlohmann/json.hpp>

#include "sync/hq/sqlite_hq_guard.hpp"

namespace homedesk::hq {
namespace {

constexpr const char* kColumns =
    "number, kind, category, urgency, community_id, building_id, place, status, assignee, "
    "created_at, updated_at, co_reporters, summary, terminal_id, client_id, tracking_code, "
    "follows, note, pause_reason, response_due_at, response_met_at, resolve_due_at, resolved_at, "
    "callback_due_at, callback_met_at, paused_since, escalation, escalated_at";

DeskTicket rowOf(const Statement& st) {
    DeskTicket t;
    t.number = st.text(0);
    t.kind = st.text(1);
    t.category = st.text(2);
    t.urgency = st.text(3);
    t.community_id = st.text(4);
    t.building_id = st.optText(5);
    t.place = st.text(6);
    t.status = protocol::ticketStateFrom(st.text(7)).value_or(protocol::TicketState::Submitted);
    t.assignee = st.optText(8);
    t.created_at = st.integer(9);
    t.updated_at = st.integer(10);
    t.co_reporters = static_cast<int>(st.integer(11));
    t.summary = st.text(12);
    t.terminal_id = st.text(13);
    t.client_id = st.text(14);
    t.tracking_code = st.optText(15);
    t.follows = st.optText(16);
    t.note = st.text(17);
    t.pause_reason = st.optText(18);
    t.sla.response_due_at = st.optInteger(19).value_or(t.created_at);
    t.sla.response_met_at = st.optInteger(20);
    t.sla.resolve_due_at = st.optInteger(21).value_or(t.created_at);
    t.sla.resolved_at = st.optInteger(22);
    t.sla.callback_due_at = st.optInteger(23);
    t.sla.callback_met_at = st.optInteger(24);
    t.sla.paused_since = st.optInteger(25);
    t.sla.escalation = static_cast<int>(st.integer(26));
    t.sla.escalated_at = st.optInteger(27);
    return t;
}

std::optional<std::string> stringField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

bool boolField(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}


// A LIKE pattern matching `text` anywhere, with the pattern characters taken literally.
std::string containsPattern(const std::string& text) {
    std::string out = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "%";
}

bool isTicketNumber(const std::string& q) {
    if (q.size() < 3 || q[1] != '-') return false;
    const char p = static_cast<char>(std::toupper(static_cast<unsigned char>(q[0])));
    if (p != 'R' && p != 'C' && p != 'F') return false;
    return q.find_first_not_of("0123456789", 2) == std::string::npos;
}

bool isTrackingCode(const std::string& q) {
    return q.size() == 8 && q.find_first_not_of("0123456789") == std::string::npos;
}

// WHERE clause and its bound values, built once for the page and the count.
struct Where {
    std::string sql = " WHERE 1";
    std::vector<std::variant<std::string, std::int64_t>> values;
    void add(const std::string& clause, std::variant<std::string, std::int64_t> v) {
        sql += " AND " + clause;
        values.push_back(std::move(v));
    }
    void bindTo(Statement& st) const {
        int i = 1;
        for (const auto& v : values) {
            if (std::holds_alternative<std::string>(v))
                st.bind(i++, std::get<std::string>(v));
            else
                st.bind(i++, std::get<std::int64_t>(v));
        }
    }
};

Where whereOf(const InboxQuery& q, const DeskScope& scope, std::int64_t now) {
    Where w;
    if (!scope.all) {
        if (scope.communities.empty()) {
            w.sql += " AND 0";
        } else {
            w.sql += " AND community_id IN (";
            for (std::size_t i = 0; i < scope.communities.size(); ++i) {
                w.sql += i ? ",?" : "?";
                w.values.emplace_back(scope.communities[i]);
            }
            w.sql += ")";
        }
    }
    if (scope.onlyAssignee) w.add("assignee = ?", *scope.onlyAssignee);
    if (q.community) w.add("community_id = ?", *q.community);
    if (q.kind) w.add("kind = ?", *q.kind);
    if (q.category) w.add("category = ?", *q.category);
    if (q.status) {
        if (*q.status == "open")
            w.sql += " AND status IN ('submitted','accepted','dispatched','in_progress')";
        else
            w.add("status = ?", *q.status);
    }
    if (q.building) w.add("building_id = ?", *q.building);
    if (q.assignee) w.add("assignee = ?", *q.assignee);
    if (q.overdue) w.add("next_due_at < ?", now);
    if (q.escalated) w.sql += " AND escalation > 0";
    if (q.paused) w.sql += " AND paused_since IS NOT NULL";
    if (q.q && !q.q->empty()) {
        if (isTicketNumber(*q.q)) {
            std::string number = *q.q;
            number[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(number[0])));
            w.add("number = ?", number);
        } else if (isTrackingCode(*q.q)) {
            w.add("tracking_code = ?", *q.q);
        } else {
            w.add("summary LIKE ? ESCAPE '\\'", containsPattern(*q.q));
        }
    }
    return w;
}

}  // namespace

void SqliteHqStore::setSlaPolicy(const SlaPolicy& policy) {
    std::lock_guard lock(m_mutex);
    m_slaPolicy = policy;
}

Result<InboxPage> SqliteHqStore::deskInbox(const InboxQuery& q, const DeskScope& scope,
                                           std::int64_t now) {
    return guarded<InboxPage>("inbox", [&] {
        InboxPage page;
        page.page = std::max(1, q.page);
        page.limit = std::clamp(q.limit, 1, 200);
        const Where w = whereOf(q, scope, now);
        Transaction snapshot(*m_db, Transaction::Mode::Read);  // the page and the total agree
        auto count = m_db->prepare("SELECT COUNT(*) FROM tickets" + w.sql);
        w.bindTo(count);
        count.step();
        page.total = count.integer(0);
        const std::string order =
            q.overdue ? " ORDER BY next_due_at ASC, seq DESC" : " ORDER BY seq DESC";
        auto st = m_db->prepare(std::string("SELECT ") + kColumns + " FROM tickets" + w.sql +
                                order + " LIMIT ? OFFSET ?");
        w.bindTo(st);
        const int n = static_cast<int>(w.values.size());
        st.bind(n + 1, std::int64_t{page.limit});
        st.bind(n + 2, static_cast<std::int64_t>(page.page - 1) * page.limit);
        while (st.step()) page.items.push_back(rowOf(st));
        snapshot.commit();
        return page;
    });
}

std::optional<DeskTicket> SqliteHqStore::readDeskTicket(const std::string& number) {
    auto st = m_db->prepare(std::string("SELECT ") + kColumns + " FROM tickets WHERE number = ?");
    if (!st.bind(1, number).step()) return std::nullopt;
    return rowOf(st);
}

Result<std::optional<DeskTicketDetail>> SqliteHqStore::deskTicket(const std::string& number) {
    return guarded<std::optional<DeskTicketDetail>>("ticket", [&] {
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        std::optional<DeskTicketDetail> out;
        auto row = readDeskTicket(number);
        if (!row) return out;
        DeskTicketDetail d;
        d.ticket = std::move(*row);
        auto payload = m_db->prepare(
            "SELECT payload FROM submissions WHERE terminal_id = ? AND client_id = ?");
        if (payload.bind(1, d.ticket.terminal_id).bind(2, d.ticket.client_id).step()) {
            const auto j = nlohmann::json::parse(payload.text(0), nullptr, false);
            if (j.is_object()) {
                d.description = stringField(j, "description").value_or("");
                d.preferred_slot = stringField(j, "preferred_slot").value_or("");
                d.anonymous = boolField(j, "anonymous");
                d.to_general_manager = boolField(j, "to_general_manager");
                d.phone = phoneOf(j);
                const auto loc = j.find("location");
                if (loc != j.end() && loc->is_object()) {
                    d.location_kind = stringField(*loc, "kind").value_or("");
                    d.location_building = stringField(*loc, "building_id");
                    d.unit = stringField(*loc, "unit");
                    d.place_id = stringField(*loc, "place_id");
                }
            }
        }
        if (d.ticket.kind == "followup") d.description = d.ticket.note;
        auto followers = m_db->prepare("SELECT number FROM tickets WHERE follows = ? ORDER BY seq");
        followers.bind(1, number);
        while (followers.step()) d.followed_by.push_back(followers.text(0));
        auto co = m_db->prepare(
            "SELECT r.at, s.payload FROM ticket_co_reports r LEFT JOIN submissions s "
            "ON s.terminal_id = r.terminal_id AND s.client_id = r.client_id "
            "WHERE r.ticket_number = ? ORDER BY r.at, r.client_id");
        co.bind(1, number);
        while (co.step()) {
            DeskCoReport r{co.integer(0), std::nullopt};
            const auto j = nlohmann::json::parse(co.text(1), nullptr, false);
            if (j.is_object()) r.phone = phoneOf(j);
            d.co_reports.push_back(std::move(r));
        }
        auto notes = m_db->prepare(
            "SELECT id, visibility, text, author, at FROM ticket_notes WHERE ticket_number = ? "
            "ORDER BY id");
        notes.bind(1, number);
        while (notes.step())
            d.notes.push_back(
                {notes.integer(0), notes.text(1), notes.text(2), notes.text(3), notes.integer(4)});
        // Filing is not stored as an event (ingest stays one insert per table); it is shown so.
        d.events.push_back({d.ticket.created_at,
                            d.ticket.terminal_id.empty() ? "system" : "terminal", "submit", "",
                            "submitted", ""});
        auto events = m_db->prepare(
            "SELECT at, actor, action, from_status, to_status, note FROM ticket_events "
            "WHERE ticket_number = ? ORDER BY id");
        events.bind(1, number);
        while (events.step())
            d.events.push_back({events.integer(0), events.text(1), events.text(2), events.text(3),
                                events.text(4), events.text(5)});
        snapshot.commit();
        out = std::move(d);
        return out;
    });
}

Result<std::vector<StaffUser>> SqliteHqStore::deskStaffOf(const std::string& communityId) {
    return guarded<std::vector<StaffUser>>("staff of community", [&] {
        std::vector<StaffUser> out;
        auto st = m_db->prepare(
            "SELECT id, username, name, role, communities FROM staff WHERE disabled_at IS NULL "
            "ORDER BY username");
        while (st.step()) {
            StaffUser u;
            u.id = st.integer(0);
            u.username = st.text(1);
            u.name = st.text(2);
            u.role = parseStaffRole(st.text(3)).value_or(StaffRole::Viewer);
            const std::string scope = st.text(4);
            if (scope == "*") {
                u.allCommunities = true;
            } else {
                std::size_t start = 0;
                while (start <= scope.size()) {
                    const auto comma = scope.find(',', start);
                    const auto part = scope.substr(
                        start, comma == std::string::npos ? std::string::npos : comma - start);
                    if (!part.empty()) u.communities.push_back(part);
                    if (comma == std::string::npos) break;
                    start = comma + 1;
                }
            }
            if (u.inScope(communityId)) out.push_back(std::move(u));
        }
        return out;
    });
}

void SqliteHqStore::writeDeskTicket(const DeskTicket& t) {
    const auto next = nextDue(t.sla);
    m_db->prepare(
            "UPDATE tickets SET status = ?, note = ?, assignee = ?, updated_at = ?, "
            "pause_reason = ?, paused_since = ?, response_due_at = ?, response_met_at = ?, "
            "resolve_due_at = ?, resolved_at = ?, callback_due_at = ?, callback_met_at = ?, "
            "escalation = ?, escalated_at = ?, next_due_at = ? WHERE number = ?")
        .bind(1, protocol::toString(t.status))
        .bind(2, t.note)
        .bind(3, t.assignee)
        .bind(4, t.updated_at)
        .bind(5, t.pause_reason)
        .bind(6, t.sla.paused_since)
        .bind(7, t.sla.response_due_at)
        .bind(8, t.sla.response_met_at)
        .bind(9, t.sla.resolve_due_at)
        .bind(10, t.sla.resolved_at)
        .bind(11, t.sla.callback_due_at)
        .bind(12, t.sla.callback_met_at)
        .bind(13, std::int64_t{t.sla.escalation})
        .bind(14, t.sla.escalated_at)
        .bind(15, next)
        .bind(16, t.number)
        .run();
}

void SqliteHqStore::insertEvent(const std::string& number, const DeskEvent& e) {
    m_db->prepare(
            "INSERT INTO ticket_events(ticket_number, at, actor, action, from_status, "
            "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, number)
        .bind(2, e.at)
        .bind(3, e.actor)
        .bind(4, e.action)
        .bind(5, e.from)
        .bind(6, e.to)
        .bind(7, e.note)
        .run();
}

Result<std::optional<DeskUpdate>> SqliteHqStore::deskUpdate(const std::string& number,
                                                            const DeskDecision& decide) {
    return guarded<std::optional<DeskUpdate>>(
        "ticket change", [&]() -> Result<std::optional<DeskUpdate>> {
            Transaction tx(*m_db);
            auto row = readDeskTicket(number);
            if (!row) return std::optional<DeskUpdate>{};
            auto decided = decide(*row);
            if (!decided) return decided.error();
            DeskUpdate u = std::move(decided.value());
            u.after.number = number;
            writeDeskTicket(u.after);
            insertEvent(number, u.event);
            if (u.note) {
                m_db->prepare(
                        "INSERT INTO ticket_notes(ticket_number, visibility, text, author, "
                        "at) VALUES (?, ?, ?, ?, ?)")
                    .bind(1, number)
                    .bind(2, u.note->visibility)
                    .bind(3, u.note->text)
                    .bind(4, u.note->author)
                    .bind(5, u.note->at)
                    .run();
                u.note->id = m_db->lastInsertId();
            }
            if (u.toFeed) {
                m_db->prepare(
                        "INSERT INTO ticket_changes(ticket_number, terminal_id, status, "
                        "note, changed_at) VALUES (?, ?, ?, ?, ?)")
                    .bind(1, number)
                    .bind(2, u.after.terminal_id)
                    .bind(3, protocol::toString(u.after.status))
                    .bind(4, u.feedNote)
                    .bind(5, u.event.at)
                    .run();
            }
            insertAudit(u.audit);
            tx.commit();
            return std::optional<DeskUpdate>(std::move(u));
        });
}

Result<std::vector<EscalationDue>> SqliteHqStore::deskEscalationsDue(std::int64_t now,
                                                                     std::int64_t gmAfter,
                                                                     int limit) {
    return guarded<std::vector<EscalationDue>>("escalations due", [&] {
        std::vector<EscalationDue> out;
        auto st = m_db->prepare(
            "SELECT number, community_id FROM tickets WHERE next_due_at IS NOT NULL "
            "AND next_due_at < ?1 "
            "AND (escalation = 0 OR (escalation = 1 AND escalated_at + ?2 <= ?1)) "
            "ORDER BY next_due_at LIMIT ?3");
        st.bind(1, now).bind(2, gmAfter).bind(3, std::int64_t{limit});
        while (st.step()) out.push_back({st.text(0), st.text(1)});
        return out;
    });
}

void SqliteHqStore::reachStatus(const std::string& number, protocol::TicketState to,
                                const std::string& actor, const std::string& note,
                                std::int64_t now) {
    auto row = readDeskTicket(number);
    if (!row) return;
    DeskTicket t = *row;
    reach(t.sla, m_slaPolicy, t.slaClass(), to, now);
    t.status = to;
    t.note = note;
    t.updated_at = now;
    writeDeskTicket(t);
    insertEvent(
        number,
        {now, actor, std::string(protocol::toString(to)) == "callback_done" ? "callback" : "status",
         std::string(protocol::toString(row->status)), std::string(protocol::toString(to)), note});
    nlohmann::json before{{"status", protocol::toString(row->status)}};
    nlohmann::json after{{"status", protocol::toString(to)}};
    insertAudit({now, actor, "ticket.status", "ticket:" + number, before.dump(), after.dump(), ""});
}

}  // namespace homedesk::hq
