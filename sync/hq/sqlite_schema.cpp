#include "sync/hq/sqlite_schema.hpp"

#include <algorithm>
#include <iterator>

#include "sync/hq/sqlite_db.hpp"

namespace homedesk::hq {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE communities(id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE buildings(id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id), name TEXT NOT NULL);
CREATE TABLE enroll_codes(code TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id), building_id TEXT REFERENCES buildings(id),
  expires_at INTEGER NOT NULL, used_by TEXT, used_at INTEGER);
CREATE TABLE terminals(id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id),
  building_id TEXT, name TEXT NOT NULL, credential_hash TEXT NOT NULL UNIQUE,
  enrolled_at INTEGER NOT NULL, revoked_at INTEGER, last_seen INTEGER);
CREATE TABLE staff(id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL, role TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE submissions(terminal_id TEXT NOT NULL REFERENCES terminals(id),
  client_id TEXT NOT NULL, kind TEXT NOT NULL, content_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, received_at INTEGER NOT NULL, payload TEXT NOT NULL,
  ticket_number TEXT, PRIMARY KEY(terminal_id, client_id));
CREATE TABLE tickets(number TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE,
  terminal_id TEXT NOT NULL, client_id TEXT NOT NULL, kind TEXT NOT NULL,
  community_id TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE ticket_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_number TEXT NOT NULL REFERENCES tickets(number), terminal_id TEXT NOT NULL,
  status TEXT NOT NULL, note TEXT NOT NULL, changed_at INTEGER NOT NULL);
CREATE INDEX ticket_changes_by_terminal ON ticket_changes(terminal_id, seq);
CREATE TABLE notices(id TEXT PRIMARY KEY, revision INTEGER NOT NULL, title TEXT NOT NULL,
  body TEXT NOT NULL, category TEXT NOT NULL, emergency INTEGER NOT NULL,
  pinned INTEGER NOT NULL, publish_at INTEGER NOT NULL, expire_at INTEGER,
  retracted_at INTEGER, created_at INTEGER NOT NULL, last_seq INTEGER NOT NULL);
CREATE INDEX notices_by_seq ON notices(last_seq);
CREATE TABLE notice_targets(notice_id TEXT NOT NULL REFERENCES notices(id), kind TEXT NOT NULL,
  ref TEXT NOT NULL, PRIMARY KEY(notice_id, kind, ref));
CREATE TABLE notice_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id TEXT NOT NULL REFERENCES notices(id), change TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE terminal_health(terminal_id TEXT PRIMARY KEY REFERENCES terminals(id),
  reported_at INTEGER NOT NULL, app_version TEXT NOT NULL, queue_depth INTEGER NOT NULL,
  oldest_unsent_age_s INTEGER, errors TEXT NOT NULL);
CREATE TABLE notice_displays(terminal_id TEXT NOT NULL REFERENCES terminals(id),
  notice_id TEXT NOT NULL, revision INTEGER NOT NULL, shown_at INTEGER NOT NULL,
  shown_for_s INTEGER NOT NULL, PRIMARY KEY(terminal_id, notice_id, revision, shown_at));
INSERT INTO meta(key, value) VALUES ('config_version', '1');
PRAGMA user_version = 1;
)sql";

// v2: the English translation of a notice (protocol 1.1) and the key of an imported notice.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE notices ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN body_en TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN source_key TEXT;
CREATE INDEX notices_by_source_key ON notices(source_key) WHERE source_key IS NOT NULL;
PRAGMA user_version = 2;
)sql";

// v3: a callback scored 1-2 opens a follow-up ticket (F-...) that names the ticket it follows
// and when an answer is owed.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE tickets ADD COLUMN follows TEXT;
ALTER TABLE tickets ADD COLUMN due_at INTEGER;
PRAGMA user_version = 3;
)sql";


// v4: the staff console. Staff get a display name, a community scope ("*" or "c1,c2"), the
// console's roles (desk, technician, notice_editor; the old CLI words are renamed) and a lockout;
// server-side sessions (only a hash of the id); the audit log; tickets get the columns staff filter
// and sort on (taken from the submission at ingest), an assignee, the SLA deadlines as stored
// times (a pause moves them; nothing lives only in memory), the earliest open one (next_due_at,
// for "overdue" and the escalation sweep; tickets from before v4 get the ordinary promises) and the
// escalation level; notes,
// events and "me too" co-reports; terminals remember how far they have read the notice feed.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE staff ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN communities TEXT NOT NULL DEFAULT '*';
ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
ALTER TABLE staff ADD COLUMN failed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN failed_since INTEGER;
ALTER TABLE staff ADD COLUMN locked_until INTEGER;
UPDATE staff SET role = 'desk' WHERE role = 'ticket-handler';
UPDATE staff SET role = 'notice_editor' WHERE role = 'notice-editor';
CREATE TABLE staff_sessions(id_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  csrf TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, address TEXT NOT NULL DEFAULT '');
CREATE INDEX staff_sessions_by_staff ON staff_sessions(staff_id);
CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, target TEXT NOT NULL, before TEXT NOT NULL DEFAULT '{}',
  after TEXT NOT NULL DEFAULT '{}', address TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_by_at ON audit(at);
CREATE INDEX audit_by_actor ON audit(actor, id);
CREATE INDEX audit_by_target ON audit(target, id);
ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN urgency TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN building_id TEXT;
ALTER TABLE tickets ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN tracking_code TEXT;
ALTER TABLE tickets ADD COLUMN assignee TEXT;
ALTER TABLE tickets ADD COLUMN paused_since INTEGER;
ALTER TABLE tickets ADD COLUMN pause_reason TEXT;
ALTER TABLE tickets ADD COLUMN response_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN response_met_at INTEGER;
ALTER TABLE tickets ADD COLUMN resolve_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN resolved_at INTEGER;
ALTER TABLE tickets ADD COLUMN callback_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN callback_met_at INTEGER;
ALTER TABLE tickets ADD COLUMN escalation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN escalated_at INTEGER;
ALTER TABLE tickets ADD COLUMN co_reporters INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN next_due_at INTEGER;
UPDATE tickets SET response_due_at = created_at + 86400, resolve_due_at = created_at + 172800,
  response_met_at = CASE WHEN status = 'submitted' THEN NULL ELSE updated_at END,
  resolved_at = CASE WHEN status IN ('resolved', 'callback_done') THEN updated_at END,
  callback_due_at = CASE WHEN status IN ('resolved', 'callback_done') THEN updated_at + 86400 END,
  callback_met_at = CASE WHEN status = 'callback_done' THEN updated_at END;
UPDATE tickets SET next_due_at = CASE WHEN status = 'callback_done' THEN NULL
  WHEN status = 'resolved' THEN callback_due_at
  WHEN response_met_at IS NULL THEN MIN(response_due_at, resolve_due_at) ELSE resolve_due_at END;
CREATE INDEX tickets_by_next_due ON tickets(next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX tickets_by_building ON tickets(building_id, seq) WHERE building_id IS NOT NULL;
CREATE INDEX tickets_by_status ON tickets(status, seq);
CREATE INDEX tickets_by_follows ON tickets(follows) WHERE follows IS NOT NULL;
CREATE INDEX tickets_by_community ON tickets(community_id, seq);
CREATE INDEX tickets_by_community_status ON tickets(community_id, status, seq);
CREATE INDEX tickets_by_assignee ON tickets(assignee, seq) WHERE assignee IS NOT NULL;
CREATE INDEX tickets_by_tracking_code ON tickets(tracking_code) WHERE tracking_code IS NOT NULL;
CREATE TABLE ticket_notes(id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_number TEXT NOT NULL REFERENCES tickets(number), visibility TEXT NOT NULL,
  text TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX ticket_notes_by_ticket ON ticket_notes(ticket_number, id);
CREATE TABLE ticket_events(id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_number TEXT NOT NULL REFERENCES tickets(number), at INTEGER NOT NULL,
  actor TEXT NOT NULL, action TEXT NOT NULL, from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_number, id);
CREATE TABLE ticket_co_reports(ticket_number TEXT NOT NULL REFERENCES tickets(number),
  terminal_id TEXT NOT NULL, client_id TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY(terminal_id, client_id));
CREATE INDEX ticket_co_reports_by_ticket ON ticket_co_reports(ticket_number);
ALTER TABLE terminals ADD COLUMN notices_read_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE terminals ADD COLUMN notices_read_at INTEGER;
PRAGMA user_version = 4;
)sql";

}  // namespace

void migrate(Database& db, int upTo) {
    static constexpr const char* kSteps[] = {kVersion1, kVersion2, kVersion3, kVersion4};
    std::int64_t current = 0;
    {
        auto version = db.prepare("PRAGMA user_version");
        version.step();
        current = version.integer(0);
    }
    const int last = std::min<int>(upTo, static_cast<int>(std::size(kSteps)));
    // Each step sets its own user_version inside its transaction.
    for (; current < last; ++current) {
        Transaction tx(db);
        db.exec(kSteps[current]);
        tx.commit();
    }
}

}  // namespace homedesk::hq
