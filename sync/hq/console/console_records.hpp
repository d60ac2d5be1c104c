// What the store keeps and answers for the staff console (docs/console.md): staff accounts and
// sessions, audit queries, notices with their delivery counts, the fleet, the directory of
// communities and the public receipt view. Plain records; no SQL, no JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/hq/console/console_types.hpp"
#include "sync/hq/hq_types.hpp"

namespace homedesk::hq {

// Who makes a change, from where and when: every change a staff member makes writes an audit
// row with these in the store's transaction.
struct ConsoleActor {
    std::string username;  // or "system", "cli"
    std::string address;
    std::int64_t now = 0;
};

struct StaffAccount {
    StaffUser user;
    std::string passwordHash;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> disabledAt;
    std::int64_t failedCount = 0;
    std::optional<std::int64_t> failedSince;
    std::optional<std::int64_t> lockedUntil;
};

struct NewStaff {
    std::string username;
    std::string name;
    std::string passwordHash;
    StaffRole role = StaffRole::Viewer;
    std::vector<std::string> communities;
    bool allCommunities = false;
};

// Lockout rule for failed sign-ins: `limit` failures within `window_s` lock for `lock_s`.
struct LockoutRule {
    std::int64_t limit = 5;
    std::int64_t window_s = 15 * 60;
    std::int64_t lock_s = 15 * 60;
};

struct NewSession {
    std::string idHash;  // hex SHA-256 of the cookie's id; the id itself is never stored
    std::string csrf;
    std::int64_t staffId = 0;
    std::int64_t expiresAt = 0;
    std::optional<std::string> replacesIdHash;  // the cookie sent with the sign-in: ended
};

struct SessionRecord {
    StaffUser user;
    std::string csrf;
    std::int64_t createdAt = 0;
    std::int64_t lastSeen = 0;
    std::int64_t expiresAt = 0;
};

struct AuditQuery {
    std::string actor, action, target;  // exact matches; empty = any
    std::optional<std::int64_t> from, to;
    int page = 1;
    int limit = 50;
};

struct AuditRow {
    std::int64_t id = 0;
    AuditEntry entry;
};

struct AuditPage {
    std::vector<AuditRow> rows;
    std::int64_t total = 0;
};

struct NoticeRow {
    std::string id;
    std::int64_t revision = 1;
    NoticeDraft draft;  // the current text, flags, times and every target
    std::optional<std::int64_t> retracted_at;
    std::int64_t created_at = 0;
    std::int64_t last_seq = 0;
    std::int64_t terminals = 0;  // active terminals targeted
    std::int64_t delivered = 0;  // of those, whose feed cursor passed the last change
    std::int64_t displayed = 0;  // terminals that reported showing it
};

struct NoticeTerminal {
    std::string terminal_id;
    std::string name;
    std::string community_id;
    std::optional<std::int64_t> delivered_at;
    std::vector<DisplayRecord> displays;
};

struct FleetRow {
    TerminalRecord terminal;
    std::optional<std::int64_t> reported_at;
    std::string app_version;
    std::int64_t queue_depth = 0;
    std::optional<std::int64_t> oldest_unsent_age_s;
    std::string errors = "[]";  // JSON array as reported
};

struct BuildingRow {
    std::string id;
    std::string name;
};

struct CommunityRow {
    std::string id;
    std::string name;
    std::vector<BuildingRow> buildings;
};

// The public phone page's view of a ticket: nothing personal.
struct ReceiptView {
    struct Change {
        std::string status;
        std::string note;  // resident-visible (ticket_changes carry only those)
        std::int64_t at = 0;
    };
    std::string number, kind, category, status;
    std::int64_t created_at = 0;
    std::vector<Change> changes;
    std::optional<std::int64_t> response_due_at, response_met_at, resolve_due_at, resolved_at,
        callback_due_at, callback_met_at;
};

}  // namespace homedesk::hq
