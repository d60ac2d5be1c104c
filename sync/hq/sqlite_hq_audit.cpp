// The audit log in the SQLite store: rows are only ever added.
#include "sync/hq/sqlite_hq_audit.hpp"

#include "sync/hq/sqlite_hq_guard.hpp"

namespace homedesk::hq {

std::string auditJson(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AuditEntry auditEntry(const ConsoleActor& by, std::string action, std::string target,
                      const nlohmann::json& before, const nlohmann::json& after) {
    return {by.now,          by.username,      std::move(action), std::move(target),
            auditJson(before), auditJson(after), by.address};
}

void SqliteHqStore::insertAudit(const AuditEntry& e) {
    m_db->prepare("INSERT INTO audit(at, actor, action, target, before, after, address) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, e.at).bind(2, e.actor).bind(3, e.action).bind(4, e.target)
        .bind(5, e.before).bind(6, e.after).bind(7, e.address).run();
}

Result<bool> SqliteHqStore::appendAudit(const AuditEntry& entry) {
    return guarded<bool>("audit", [&] {
        insertAudit(entry);
        return true;
    });
}

}  // namespace homedesk::hq
