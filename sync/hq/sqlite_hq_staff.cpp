// Staff accounts, sign-in failures and lockout, sessions, the audit log's reading side and the
// directory of communities in the SQLite store (the console's accounts; docs/console.md).
#include <nlohmann/json.hpp>

#include "sync/hq/sqlite_hq_audit.hpp"
#include "sync/hq/sqlite_hq_guard.hpp"

namespace homedesk::hq {
namespace {

using nlohmann::json;

constexpr const char* kStaffColumns =
    "id, username, name, role, communities, password_hash, created_at, disabled_at, "
    "failed_count, failed_since, locked_until";

std::string scopeText(const StaffUser& u) {
    if (u.allCommunities) return "*";
    std::string out;
    for (const auto& c : u.communities) out += (out.empty() ? "" : ",") + c;
    return out;
}

void readScope(const std::string& text, StaffUser& u) {
    u.communities.clear();
    u.allCommunities = text == "*";
    if (u.allCommunities) return;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) u.communities.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
}

StaffAccount readStaff(const Statement& st) {
    StaffAccount a;
    a.user.id = st.integer(0);
    a.user.username = st.text(1);
    a.user.name = st.text(2);
    a.user.role = parseStaffRole(st.text(3)).value_or(StaffRole::Viewer);
    readScope(st.text(4), a.user);
    a.passwordHash = st.text(5);
    a.createdAt = st.integer(6);
    a.disabledAt = st.optInteger(7);
    a.failedCount = st.integer(8);
    a.failedSince = st.optInteger(9);
    a.lockedUntil = st.optInteger(10);
    return a;
}


}  // namespace

Result<bool> SqliteHqStore::addStaffMember(const NewStaff& s, const ConsoleActor& by) {
    return guarded<bool>("add staff", [&] {
        Transaction tx(*m_db);
        auto exists = m_db->prepare("SELECT 1 FROM staff WHERE username = ?");
        if (exists.bind(1, s.username).step()) return false;
        StaffUser scope;
        scope.communities = s.communities;
        scope.allCommunities = s.allCommunities;
        m_db->prepare(
                "INSERT INTO staff(username, password_hash, role, created_at, name, "
                "communities) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, s.username)
            .bind(2, s.passwordHash)
            .bind(3, toString(s.role))
            .bind(4, by.now)
            .bind(5, s.name)
            .bind(6, scopeText(scope))
            .run();
        insertAudit(auditEntry(
            by, "staff.add", "staff:" + s.username, json::object(),
            {{"role", toString(s.role)}, {"name", s.name}, {"communities", scopeText(scope)}}));
        tx.commit();
        return true;
    });
}

Result<std::vector<StaffAccount>> SqliteHqStore::staffAccounts() {
    return guarded<std::vector<StaffAccount>>("staff", [&] {
        auto st =
            m_db->prepare(std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY username");
        std::vector<StaffAccount> out;
        while (st.step()) out.push_back(readStaff(st));
        return out;
    });
}

Result<std::optional<StaffAccount>> SqliteHqStore::staffAccount(const std::string& username) {
    return guarded<std::optional<StaffAccount>>("staff", [&] {
        auto st = m_db->prepare(std::string("SELECT ") + kStaffColumns +
                                " FROM staff WHERE username = ?");
        return st.bind(1, username).step() ? std::optional(readStaff(st)) : std::nullopt;
    });
}

Result<bool> SqliteHqStore::disableStaff(const std::string& username, const ConsoleActor& by) {
    return guarded<bool>("disable staff", [&] {
        Transaction tx(*m_db);
        auto st = m_db->prepare("SELECT id FROM staff WHERE username = ? AND disabled_at IS NULL");
        if (!st.bind(1, username).step()) return false;
        const std::int64_t id = st.integer(0);
        m_db->prepare("UPDATE staff SET disabled_at = ? WHERE id = ?")
            .bind(1, by.now)
            .bind(2, id)
            .run();
        m_db->prepare("DELETE FROM staff_sessions WHERE staff_id = ?").bind(1, id).run();
        insertAudit(auditEntry(by, "staff.disable", "staff:" + username, {{"disabled", false}},
                          {{"disabled", true}}));
        tx.commit();
        return true;
    });
}

Result<std::optional<std::int64_t>> SqliteHqStore::recordSignInFailure(const std::string& username,
                                                                       const LockoutRule& rule,
                                                                       const ConsoleActor& by) {
    return guarded<std::optional<std::int64_t>>("sign-in failure", [&] {
        Transaction tx(*m_db);
        std::optional<std::int64_t> lockedUntil;
        auto st =
            m_db->prepare("SELECT id, failed_count, failed_since FROM staff WHERE username = ?");
        if (st.bind(1, username).step()) {
            const std::int64_t id = st.integer(0);
            std::int64_t count = st.integer(1);
            std::optional<std::int64_t> since = st.optInteger(2);
            if (!since || by.now - *since >= rule.window_s) {
                count = 0;
                since = by.now;
            }
            ++count;
            if (count >= rule.limit) {
                lockedUntil = by.now + rule.lock_s;
                count = 0;
                since.reset();
            }
            m_db->prepare(
                    "UPDATE staff SET failed_count = ?, failed_since = ?, "
                    "locked_until = COALESCE(?, locked_until) WHERE id = ?")
                .bind(1, count)
                .bind(2, since)
                .bind(3, lockedUntil)
                .bind(4, id)
                .run();
        }
        // The actor of a failure is whoever typed the name; the name goes in the target.
        ConsoleActor anonymous{"", by.address, by.now};
        json after = json::object();
        if (lockedUntil) after["locked_until"] = *lockedUntil;
        insertAudit(auditEntry(anonymous, "session.login_failed", "staff:" + username,
                               json::object(), after));
        tx.commit();
        return lockedUntil;
    });
}

Result<bool> SqliteHqStore::startSession(const NewSession& s, const ConsoleActor& by) {
    return guarded<bool>("start session", [&] {
        Transaction tx(*m_db);
        if (s.replacesIdHash) {
            m_db->prepare("DELETE FROM staff_sessions WHERE id_hash = ?")
                .bind(1, *s.replacesIdHash)
                .run();
            if (m_db->changes() > 0)
                insertAudit(auditEntry(by, "session.replaced", "staff:" + by.username));
        }
        m_db->prepare(
                "INSERT INTO staff_sessions(id_hash, staff_id, csrf, created_at, last_seen, "
                "expires_at, address) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, s.idHash)
            .bind(2, s.staffId)
            .bind(3, s.csrf)
            .bind(4, by.now)
            .bind(5, by.now)
            .bind(6, s.expiresAt)
            .bind(7, by.address)
            .run();
        m_db->prepare(
                "UPDATE staff SET failed_count = 0, failed_since = NULL, locked_until = NULL "
                "WHERE id = ?")
            .bind(1, s.staffId)
            .run();
        // Expired sessions of anyone go at each sign-in, so the table stays small.
        m_db->prepare("DELETE FROM staff_sessions WHERE expires_at <= ?").bind(1, by.now).run();
        insertAudit(auditEntry(by, "session.login", "staff:" + by.username));
        tx.commit();
        return true;
    });
}

Result<std::optional<SessionRecord>> SqliteHqStore::useSession(const std::string& idHash,
                                                               std::int64_t now,
                                                               std::int64_t idleLimit_s) {
    return guarded<std::optional<SessionRecord>>("session", [&]() -> std::optional<SessionRecord> {
        Transaction tx(*m_db);
        auto st = m_db->prepare(
            "SELECT s.csrf, s.created_at, s.last_seen, s.expires_at, st.id, st.username, st.name, "
            "st.role, st.communities, st.disabled_at FROM staff_sessions s "
            "JOIN staff st ON st.id = s.staff_id WHERE s.id_hash = ?");
        if (!st.bind(1, idHash).step()) return std::nullopt;
        SessionRecord r;
        r.csrf = st.text(0);
        r.createdAt = st.integer(1);
        r.lastSeen = st.integer(2);
        r.expiresAt = st.integer(3);
        r.user.id = st.integer(4);
        r.user.username = st.text(5);
        r.user.name = st.text(6);
        r.user.role = parseStaffRole(st.text(7)).value_or(StaffRole::Viewer);
        readScope(st.text(8), r.user);
        const bool disabled = st.optInteger(9).has_value();
        st.reset();
        if (disabled || now >= r.expiresAt || now - r.lastSeen >= idleLimit_s) {
            m_db->prepare("DELETE FROM staff_sessions WHERE id_hash = ?").bind(1, idHash).run();
            tx.commit();
            return std::nullopt;
        }
        m_db->prepare("UPDATE staff_sessions SET last_seen = ? WHERE id_hash = ?")
            .bind(1, now)
            .bind(2, idHash)
            .run();
        tx.commit();
        r.lastSeen = now;
        return r;
    });
}

Result<bool> SqliteHqStore::endSession(const std::string& idHash, const ConsoleActor& by) {
    return guarded<bool>("end session", [&] {
        Transaction tx(*m_db);
        m_db->prepare("DELETE FROM staff_sessions WHERE id_hash = ?").bind(1, idHash).run();
        const bool ended = m_db->changes() > 0;
        if (ended) insertAudit(auditEntry(by, "session.logout", "staff:" + by.username));
        tx.commit();
        return ended;
    });
}

Result<AuditPage> SqliteHqStore::auditLog(const AuditQuery& q) {
    return guarded<AuditPage>("audit log", [&] {
        const char* where =
            " FROM audit WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR action = ?2) AND "
            "(?3 = '' OR target = ?3) AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)";
        auto bindAll = [&](Statement& st) {
            st.bind(1, q.actor).bind(2, q.action).bind(3, q.target).bind(4, q.from).bind(5, q.to);
        };
        AuditPage page;
        Transaction snapshot(*m_db, Transaction::Mode::Read);
        auto count = m_db->prepare(std::string("SELECT COUNT(*)") + where);
        bindAll(count);
        count.step();
        page.total = count.integer(0);
        auto st = m_db->prepare(std::string("SELECT id, at, actor, action, target, before, after, "
                                            "address") +
                                where + " ORDER BY id DESC LIMIT ?6 OFFSET ?7");
        bindAll(st);
        st.bind(6, std::int64_t{q.limit})
            .bind(7, std::int64_t{q.limit} * (std::max(q.page, 1) - 1));
        while (st.step())
            page.rows.push_back({st.integer(0),
                                 {st.integer(1), st.text(2), st.text(3), st.text(4), st.text(5),
                                  st.text(6), st.text(7)}});
        snapshot.commit();
        return page;
    });
}

Result<std::vector<CommunityRow>> SqliteHqStore::communityDirectory() {
    return guarded<std::vector<CommunityRow>>("communities", [&] {
        std::vector<CommunityRow> out;
        auto c = m_db->prepare("SELECT id, name FROM communities ORDER BY rowid");
        while (c.step()) out.push_back({c.text(0), c.text(1), {}});
        auto b =
            m_db->prepare("SELECT id, name FROM buildings WHERE community_id = ? ORDER BY rowid");
        for (auto& row : out) {
            b.bind(1, row.id);
            while (b.step()) row.buildings.push_back({b.text(0), b.text(1)});
            b.reset();
        }
        return out;
    });
}

}  // namespace homedesk::hq
