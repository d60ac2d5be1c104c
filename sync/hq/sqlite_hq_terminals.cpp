// Terminals in the SQLite store: enrollment, credential look-up, revocation, heartbeats.
#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_hq_guard.hpp"
#include "sync/hq/sqlite_notice_reach.hpp"

#include <nlohmann/json.hpp>

namespace homedesk::hq {
namespace {

constexpr const char* kTerminalColumns =
    "id, community_id, building_id, name, enrolled_at, revoked_at, last_seen";

TerminalRecord readTerminal(const Statement& st) {
    return {st.text(0),         st.text(1),         st.optText(2),     st.text(3),
            st.integer(4),      st.optInteger(5),   st.optInteger(6)};
}

}  // namespace

Result<EnrollOutcome> SqliteHqStore::enroll(const std::string& code,
                                            const std::string& deviceName,
                                            const std::string& credentialHash, std::int64_t now) {
    return guarded<EnrollOutcome>("enroll", [&] {
        Transaction tx(*m_db);
        auto st = m_db->prepare(
            "SELECT community_id, building_id, expires_at, used_by FROM enroll_codes WHERE code = "
            "?");
        if (!st.bind(1, code).step() || st.integer(2) <= now)
            return EnrollOutcome{std::nullopt, EnrollProblem::UnknownOrExpired};
        if (st.optText(3)) return EnrollOutcome{std::nullopt, EnrollProblem::AlreadyUsed};
        TerminalRecord t{newTerminalId(), st.text(0), st.optText(1),
                         deviceName.empty() ? std::string("terminal") : deviceName, now,
                         std::nullopt, std::nullopt};
        m_db->prepare("INSERT INTO terminals(id, community_id, building_id, name, credential_hash, "
                      "enrolled_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, t.id).bind(2, t.community_id).bind(3, t.building_id).bind(4, t.name)
            .bind(5, credentialHash).bind(6, now).run();
        m_db->prepare("UPDATE enroll_codes SET used_by = ?, used_at = ? WHERE code = ?")
            .bind(1, t.id).bind(2, now).bind(3, code).run();
        tx.commit();
        return EnrollOutcome{t, EnrollProblem::None};
    });
}

Result<std::optional<TerminalRecord>> SqliteHqStore::terminalByCredential(
    const std::string& credentialHash) {
    return guarded<std::optional<TerminalRecord>>("terminal", [&] {
        auto st = m_db->prepare(std::string("SELECT ") + kTerminalColumns +
                                " FROM terminals WHERE credential_hash = ?");
        return st.bind(1, credentialHash).step() ? std::optional(readTerminal(st)) : std::nullopt;
    });
}

Result<std::int64_t> SqliteHqStore::revokedCount() {
    return guarded<std::int64_t>("revoked count", [&] {
        auto st = m_db->prepare("SELECT COUNT(*) FROM terminals WHERE revoked_at IS NOT NULL");
        st.step();
        return st.integer(0);
    });
}

Result<bool> SqliteHqStore::revokeTerminal(const std::string& terminalId, std::int64_t now) {
    return guarded<bool>("revoke", [&] {
        m_db->prepare("UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(1, now).bind(2, terminalId).run();
        return m_db->changes() == 1;
    });
}

Result<std::vector<TerminalRecord>> SqliteHqStore::terminals() {
    return guarded<std::vector<TerminalRecord>>("terminals", [&] {
        auto st = m_db->prepare(std::string("SELECT ") + kTerminalColumns +
                                " FROM terminals ORDER BY enrolled_at, id");
        std::vector<TerminalRecord> out;
        while (st.step()) out.push_back(readTerminal(st));
        return out;
    });
}

namespace {

// A display is kept only for a notice that exists, in a revision it had, whose targets reach
// this terminal, shown between a day before its publication (clock skew) and an hour from now,
// and at most ?9 times per terminal and revision: a terminal cannot fill the table with
// records of notices it was never sent.
const std::string kDisplaySql =
    "INSERT OR IGNORE INTO notice_displays(terminal_id, notice_id, revision, shown_at, "
    "shown_for_s) SELECT ?1, n.id, ?3, ?4, ?5 FROM notices n WHERE n.id = ?2 AND ?3 BETWEEN 1 "
    "AND n.revision AND ?4 BETWEEN n.publish_at - 86400 AND ?8 + 3600 AND " +
    noticeReaches("n.id", "?1", "?6", "?7") +
    " AND (SELECT COUNT(*) FROM notice_displays d WHERE d.terminal_id = ?1 AND d.notice_id = ?2 "
    "AND d.revision = ?3) < ?9";

}  // namespace

Result<bool> SqliteHqStore::recordHeartbeat(const TerminalRecord& terminal,
                                            const protocol::Heartbeat& hb, std::int64_t now) {
    return guarded<bool>("heartbeat", [&] {
        Transaction tx(*m_db);
        m_db->prepare(
                "INSERT INTO terminal_health(terminal_id, reported_at, app_version, queue_depth, "
                "oldest_unsent_age_s, errors) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                "ON CONFLICT(terminal_id) DO UPDATE SET reported_at = ?2, app_version = ?3, "
                "queue_depth = ?4, oldest_unsent_age_s = ?5, errors = ?6")
            .bind(1, terminal.id).bind(2, now).bind(3, hb.app_version).bind(4, hb.queue_depth)
            .bind(5, hb.oldest_unsent_age_s)
            .bind(6, nlohmann::json(hb.errors).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace))
            .run();
        auto display = m_db->prepare(kDisplaySql);
        for (const auto& d : hb.displayed) {
            display.bind(1, terminal.id).bind(2, d.notice_id).bind(3, d.revision)
                .bind(4, d.shown_at).bind(5, d.shown_for_s).bind(6, terminal.community_id)
                .bind(7, terminal.building_id.value_or(std::string{})).bind(8, now)
                .bind(9, kMaxDisplaysPerRevision).run();
            display.reset();
        }
        m_db->prepare("UPDATE terminals SET last_seen = ? WHERE id = ?")
            .bind(1, now).bind(2, terminal.id).run();
        tx.commit();
        return true;
    });
}

Result<std::vector<DisplayRecord>> SqliteHqStore::noticeDisplays(const std::string& noticeId) {
    return guarded<std::vector<DisplayRecord>>("notice displays", [&] {
        auto st = m_db->prepare(
            "SELECT terminal_id, revision, shown_at, shown_for_s FROM notice_displays "
            "WHERE notice_id = ? ORDER BY shown_at, terminal_id");
        st.bind(1, noticeId);
        std::vector<DisplayRecord> out;
        while (st.step()) out.push_back({st.text(0), st.integer(1), st.integer(2), st.integer(3)});
        return out;
    });
}

}  // namespace homedesk::hq
