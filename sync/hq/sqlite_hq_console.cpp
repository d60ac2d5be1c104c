// The console's notices (with delivery counts), fleet, enrollment codes and revocations made by
// staff, the notice read cursor terminals report, and the receipt page's view of a ticket, in
// the SQLite store.
#include <nlohmann/json.hpp>

#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_hq_audit.hpp"
#include "sync/hq/sqlite_hq_guard.hpp"
#include "sync/hq/sqlite_notice_reach.hpp"

namespace homedesk::hq {
namespace {

using nlohmann::json;


json draftJson(const NoticeDraft& d) {
    json targets = json::array();
    for (const auto& t : d.targets) targets.push_back(std::string(toString(t.kind)) + ":" + t.ref);
    return {{"title", d.title},
            {"body", d.body},
            {"title_en", d.title_en},
            {"body_en", d.body_en},
            {"category", protocol::toString(d.category)},
            {"emergency", d.emergency},
            {"pinned", d.pinned},
            {"publish_at", d.publish_at},
            {"expire_at", d.expire_at ? json(*d.expire_at) : json(nullptr)},
            {"targets", targets}};
}

// Only the fields that differ, so an audit row says what a revision changed.
std::pair<json, json> changedFields(const json& before, const json& after) {
    json b = json::object(), a = json::object();
    for (auto it = after.begin(); it != after.end(); ++it)
        if (!before.contains(it.key()) || before[it.key()] != it.value()) {
            b[it.key()] = before.contains(it.key()) ? before[it.key()] : json(nullptr);
            a[it.key()] = it.value();
        }
    return {b, a};
}

constexpr const char* kNoticeColumns =
    "id, revision, title, body, title_en, body_en, category, emergency, pinned, publish_at, "
    "expire_at, retracted_at, created_at, last_seq";

// Terminals (not revoked) that one of the notice's targets (?1) reaches.
const std::string kTargeted = "FROM terminals t WHERE t.revoked_at IS NULL AND " +
                              noticeReaches("?1", "t.id", "t.community_id", "t.building_id");

}  // namespace

namespace {

NoticeRow readNoticeRow(Database& db, const Statement& st) {
    NoticeRow n;
    n.id = st.text(0);
    n.revision = st.integer(1);
    n.draft.title = st.text(2);
    n.draft.body = st.text(3);
    n.draft.title_en = st.text(4);
    n.draft.body_en = st.text(5);
    n.draft.category =
        protocol::noticeCategoryFrom(st.text(6)).value_or(protocol::NoticeCategory::General);
    n.draft.emergency = st.integer(7) != 0;
    n.draft.pinned = st.integer(8) != 0;
    n.draft.publish_at = st.integer(9);
    n.draft.expire_at = st.optInteger(10);
    n.retracted_at = st.optInteger(11);
    n.created_at = st.integer(12);
    n.last_seq = st.integer(13);
    auto targets = db.prepare(
        "SELECT kind, ref FROM notice_targets WHERE notice_id = ? "
        "ORDER BY kind, ref");
    targets.bind(1, n.id);
    while (targets.step())
        if (auto kind = targetKindFrom(targets.text(0)))
            n.draft.targets.push_back({*kind, targets.text(1)});
    auto counts = db.prepare(
        std::string("SELECT COUNT(*), COALESCE(SUM(t.notices_read_seq >= ?2), 0) ") + kTargeted);
    counts.bind(1, n.id).bind(2, n.last_seq).step();
    n.terminals = counts.integer(0);
    n.delivered = counts.integer(1);
    auto shown =
        db.prepare("SELECT COUNT(DISTINCT terminal_id) FROM notice_displays WHERE notice_id = ?");
    shown.bind(1, n.id).step();
    n.displayed = shown.integer(0);
    return n;
}

std::int64_t noteChange(Database& db, const std::string& id, const char* change, std::int64_t now) {
    db.prepare("INSERT INTO notice_changes(notice_id, change, at) VALUES (?, ?, ?)")
        .bind(1, id)
        .bind(2, std::string_view(change))
        .bind(3, now)
        .run();
    return db.lastInsertId();
}

void addTargets(Database& db, const std::string& id, const std::vector<NoticeTarget>& targets) {
    auto st =
        db.prepare("INSERT OR IGNORE INTO notice_targets(notice_id, kind, ref) VALUES (?, ?, ?)");
    for (const NoticeTarget& t : targets) {
        st.bind(1, id).bind(2, toString(t.kind)).bind(3, t.ref).run();
        st.reset();
    }
}

}  // namespace

Result<std::vector<NoticeRow>> SqliteHqStore::consoleNotices() {
    return guarded<std::vector<NoticeRow>>("notices", [&] {
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        auto st = m_db->prepare(std::string("SELECT ") + kNoticeColumns +
                                " FROM notices ORDER BY created_at DESC, rowid DESC");
        std::vector<NoticeRow> out;
        while (st.step()) out.push_back(readNoticeRow(*m_db, st));
        snapshot.commit();
        return out;
    });
}

Result<std::optional<NoticeRow>> SqliteHqStore::consoleNotice(const std::string& id) {
    return guarded<std::optional<NoticeRow>>("notice", [&] {
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        auto st =
            m_db->prepare(std::string("SELECT ") + kNoticeColumns + " FROM notices WHERE id = ?");
        std::optional<NoticeRow> out;
        if (st.bind(1, id).step()) out = readNoticeRow(*m_db, st);
        snapshot.commit();
        return out;
    });
}

Result<std::vector<NoticeTerminal>> SqliteHqStore::noticeTerminals(const std::string& id) {
    return guarded<std::vector<NoticeTerminal>>("notice terminals", [&] {
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        auto seq = m_db->prepare("SELECT last_seq FROM notices WHERE id = ?");
        std::vector<NoticeTerminal> out;
        if (!seq.bind(1, id).step()) return out;
        const std::int64_t last = seq.integer(0);
        auto st = m_db->prepare(std::string("SELECT t.id, t.name, t.community_id, "
                                            "t.notices_read_seq, t.notices_read_at ") +
                                kTargeted + " ORDER BY t.id");
        st.bind(1, id);
        auto shown = m_db->prepare(
            "SELECT revision, shown_at, shown_for_s FROM notice_displays "
            "WHERE notice_id = ? AND terminal_id = ? ORDER BY shown_at");
        while (st.step()) {
            NoticeTerminal t{st.text(0), st.text(1), st.text(2), std::nullopt, {}};
            if (st.integer(3) >= last) t.delivered_at = st.optInteger(4);
            shown.bind(1, id).bind(2, t.terminal_id);
            while (shown.step())
                t.displays.push_back(
                    {t.terminal_id, shown.integer(0), shown.integer(1), shown.integer(2)});
            shown.reset();
            out.push_back(std::move(t));
        }
        snapshot.commit();
        return out;
    });
}

Result<std::string> SqliteHqStore::createNotice(const NoticeDraft& draft, const ConsoleActor& by) {
    if (draft.targets.empty())
        return invalidInput("hq store", "a notice needs at least one target");
    return guarded<std::string>("create notice", [&] {
        Transaction tx(*m_db);
        const std::string id = insertNotice(draft, {}, by.now);
        insertAudit(
            auditEntry(by, "notice.publish", "notice:" + id, json::object(), draftJson(draft)));
        tx.commit();
        return id;
    });
}

Result<bool> SqliteHqStore::reviseNotice(const std::string& id, const NoticeDraft& draft,
                                         const ConsoleActor& by) {
    if (draft.targets.empty())
        return invalidInput("hq store", "a notice needs at least one target");
    return guarded<bool>("revise notice", [&] {
        Transaction tx(*m_db);
        auto st = m_db->prepare(std::string("SELECT ") + kNoticeColumns +
                                " FROM notices WHERE id = ? AND retracted_at IS NULL");
        if (!st.bind(1, id).step()) return false;
        const NoticeRow before = readNoticeRow(*m_db, st);
        st.reset();
        NoticeDraft merged = draft;  // targets are only ever added (no screen keeps a stale copy)
        for (const auto& t : before.draft.targets) {
            bool present = false;
            for (const auto& d : draft.targets)
                present = present || (d.kind == t.kind && d.ref == t.ref);
            if (!present) merged.targets.push_back(t);
        }
        addTargets(*m_db, id, draft.targets);
        const std::int64_t seq = noteChange(*m_db, id, "revise", by.now);
        m_db->prepare(
                "UPDATE notices SET revision = revision + 1, title = ?, body = ?, "
                "title_en = ?, body_en = ?, category = ?, emergency = ?, pinned = ?, "
                "publish_at = ?, expire_at = ?, last_seq = ? WHERE id = ?")
            .bind(1, draft.title)
            .bind(2, draft.body)
            .bind(3, draft.title_en)
            .bind(4, draft.body_en)
            .bind(5, protocol::toString(draft.category))
            .bind(6, std::int64_t{draft.emergency})
            .bind(7, std::int64_t{draft.pinned})
            .bind(8, draft.publish_at)
            .bind(9, draft.expire_at)
            .bind(10, seq)
            .bind(11, id)
            .run();
        auto [b, a] = changedFields(draftJson(before.draft), draftJson(merged));
        b["revision"] = before.revision;
        a["revision"] = before.revision + 1;
        insertAudit(auditEntry(by, "notice.revise", "notice:" + id, b, a));
        tx.commit();
        return true;
    });
}

Result<bool> SqliteHqStore::retractNoticeBy(const std::string& id, const ConsoleActor& by) {
    return guarded<bool>("retract notice", [&] {
        Transaction tx(*m_db);
        auto st = m_db->prepare("SELECT 1 FROM notices WHERE id = ? AND retracted_at IS NULL");
        if (!st.bind(1, id).step()) return false;
        const std::int64_t seq = noteChange(*m_db, id, "retract", by.now);
        m_db->prepare(
                "UPDATE notices SET retracted_at = ?, revision = revision + 1, last_seq = ? "
                "WHERE id = ?")
            .bind(1, by.now)
            .bind(2, seq)
            .bind(3, id)
            .run();
        insertAudit(auditEntry(by, "notice.retract", "notice:" + id, {{"retracted", false}},
                          {{"retracted", true}}));
        tx.commit();
        return true;
    });
}

Result<bool> SqliteHqStore::recordNoticeCursor(const std::string& terminalId, std::int64_t seq,
                                               std::int64_t now) {
    return guarded<bool>("notice cursor", [&] {
        // Never past the last change there is, whatever a terminal claims.
        m_db->prepare(
                "UPDATE terminals SET notices_read_seq = MIN(?1, (SELECT COALESCE(MAX(seq), "
                "0) FROM notice_changes)), notices_read_at = ?2 WHERE id = ?3 AND "
                "notices_read_seq < MIN(?1, (SELECT COALESCE(MAX(seq), 0) FROM notice_changes))")
            .bind(1, seq)
            .bind(2, now)
            .bind(3, terminalId)
            .run();
        return m_db->changes() > 0;
    });
}

Result<std::vector<FleetRow>> SqliteHqStore::fleet() {
    return guarded<std::vector<FleetRow>>("fleet", [&] {
        auto st = m_db->prepare(
            "SELECT t.id, t.community_id, t.building_id, t.name, t.enrolled_at, t.revoked_at, "
            "t.last_seen, h.reported_at, h.app_version, h.queue_depth, h.oldest_unsent_age_s, "
            "h.errors FROM terminals t LEFT JOIN terminal_health h ON h.terminal_id = t.id "
            "ORDER BY t.community_id, t.name, t.id");
        std::vector<FleetRow> out;
        while (st.step()) {
            FleetRow r;
            r.terminal = {st.text(0),    st.text(1),       st.optText(2),   st.text(3),
                          st.integer(4), st.optInteger(5), st.optInteger(6)};
            r.reported_at = st.optInteger(7);
            if (r.reported_at) {
                r.app_version = st.text(8);
                r.queue_depth = st.integer(9);
                r.oldest_unsent_age_s = st.optInteger(10);
                r.errors = st.text(11);
            }
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<EnrollCode> SqliteHqStore::createEnrollCodeBy(const std::string& communityId,
                                                     const std::optional<std::string>& buildingId,
                                                     std::int64_t expiresAt,
                                                     const ConsoleActor& by) {
    return guarded<EnrollCode>("create enroll code", [&]() -> Result<EnrollCode> {
        Transaction tx(*m_db);
        auto code = insertEnrollCode(communityId, buildingId, expiresAt);
        if (!code) return code;
        // The code itself is a secret for the installer: the audit row holds only where and until.
        insertAudit(auditEntry(by, "fleet.enroll_code", "community:" + communityId, json::object(),
                          {{"building_id", buildingId ? json(*buildingId) : json(nullptr)},
                           {"expires_at", expiresAt}}));
        tx.commit();
        return code;
    });
}

Result<bool> SqliteHqStore::revokeTerminalBy(const std::string& terminalId,
                                             const ConsoleActor& by) {
    return guarded<bool>("revoke", [&] {
        Transaction tx(*m_db);
        m_db->prepare("UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(1, by.now)
            .bind(2, terminalId)
            .run();
        if (m_db->changes() != 1) return false;
        insertAudit(auditEntry(by, "fleet.revoke", "terminal:" + terminalId, {{"revoked", false}},
                          {{"revoked", true}}));
        tx.commit();
        return true;
    });
}

Result<std::optional<ReceiptView>> SqliteHqStore::receiptByCode(const std::string& code) {
    return guarded<std::optional<ReceiptView>>("receipt", [&]() -> std::optional<ReceiptView> {
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        auto st = m_db->prepare(
            "SELECT number, kind, category, status, created_at, response_due_at, response_met_at, "
            "resolve_due_at, resolved_at, callback_due_at, callback_met_at FROM tickets "
            "WHERE tracking_code = ?");
        if (code.empty() || !st.bind(1, code).step()) return std::nullopt;
        ReceiptView v;
        v.number = st.text(0);
        v.kind = st.text(1);
        v.category = st.text(2);
        v.status = st.text(3);
        v.created_at = st.integer(4);
        v.response_due_at = st.optInteger(5);
        v.response_met_at = st.optInteger(6);
        v.resolve_due_at = st.optInteger(7);
        v.resolved_at = st.optInteger(8);
        v.callback_due_at = st.optInteger(9);
        v.callback_met_at = st.optInteger(10);
        auto changes = m_db->prepare(
            "SELECT status, note, changed_at FROM ticket_changes "
            "WHERE ticket_number = ? ORDER BY seq");
        changes.bind(1, v.number);
        while (changes.step())
            v.changes.push_back({changes.text(0), changes.text(1), changes.integer(2)});
        snapshot.commit();
        return v;
    });
}

}  // namespace homedesk::hq
