// The schema, as the steps that build it. Version 1: catalog, tickets, surveys, notices, outbox.
// Version 2: notice display records. Version 3: co-reporters ("me too"). Version 4: rejected items.
#include "kiosk/store/migrations.hpp"

namespace homedesk::store {
namespace {

constexpr std::string_view kV1Base = R"sql(
CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  service_line TEXT NOT NULL DEFAULT '',
  service_hours TEXT NOT NULL DEFAULT ''
);
CREATE TABLE buildings (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE places (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  domain TEXT NOT NULL CHECK (domain IN ('repair', 'complaint', 'notice')),
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  emergency_line TEXT
);
CREATE TABLE stewards (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  work_phone TEXT NOT NULL DEFAULT '',
  hours TEXT NOT NULL DEFAULT ''
);
CREATE TABLE service_promises (
  id TEXT PRIMARY KEY,
  domain TEXT NOT NULL CHECK (domain IN ('repair', 'complaint', 'callback')),
  category_id TEXT REFERENCES categories(id) ON DELETE SET NULL,
  urgency TEXT CHECK (urgency IN ('urgent', 'normal')),
  respond_seconds INTEGER NOT NULL,
  resolve_seconds INTEGER,
  text TEXT NOT NULL DEFAULT '',
  text_en TEXT NOT NULL DEFAULT ''
);

-- Tickets filed on this terminal. No foreign keys into the catalog: a queued ticket must
-- survive the head office renaming or removing a building.
CREATE TABLE tickets (
  client_id TEXT PRIMARY KEY,
  ticket_number TEXT UNIQUE,
  tracking_code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('repair', 'complaint')),
  category TEXT NOT NULL,
  location_kind TEXT NOT NULL CHECK (location_kind IN ('home', 'public')),
  building_id TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  place_id TEXT NOT NULL DEFAULT '',
  urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'normal')),
  description TEXT NOT NULL,
  phone_last4 TEXT NOT NULL DEFAULT '',
  preferred_slot TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0,
  to_general_manager INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  promised_by INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX tickets_by_place ON tickets(place_id, created_at) WHERE place_id <> '';

CREATE TABLE ticket_status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL REFERENCES tickets(client_id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('terminal', 'hq'))
);
CREATE INDEX ticket_status_history_by_ticket ON ticket_status_history(client_id, at, id);

CREATE TABLE survey_definitions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  active INTEGER NOT NULL DEFAULT 1,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE survey_responses (
  client_id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL,
  survey_version INTEGER NOT NULL,
  ticket_number TEXT,
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  created_at INTEGER NOT NULL,
  delivered_at INTEGER,
  FOREIGN KEY (survey_id, survey_version) REFERENCES survey_definitions(id, version)
);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('outage', 'finance', 'event', 'general')),
  emergency INTEGER NOT NULL DEFAULT 0,
  pinned INTEGER NOT NULL DEFAULT 0,
  publish_at INTEGER NOT NULL,
  expire_at INTEGER,
  retracted INTEGER NOT NULL DEFAULT 0,
  received_at INTEGER NOT NULL
);
CREATE TABLE notice_targets (
  notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('all', 'community', 'building', 'terminal')),
  target_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (notice_id, target_kind, target_id)
);

-- The transactional outbox: exactly what will be sent, in seq order. The phone is the one field
-- kept sealed (phone_sealed) and merged into the payload only when the item is read for sending.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'survey')),
  created_at INTEGER NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  phone_sealed BLOB,
  queued_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at INTEGER,
  last_error TEXT
);

CREATE TABLE sync_cursors (
  feed TEXT PRIMARY KEY,
  cursor TEXT NOT NULL
);
)sql";

// No foreign key to notices: the record is the proof that a notice was up, and must outlive
// the notice's retraction or removal.
constexpr std::string_view kV2NoticeDisplays = R"sql(
CREATE TABLE notice_displays (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  shown_at INTEGER NOT NULL,
  shown_ms INTEGER NOT NULL DEFAULT 0,
  context TEXT NOT NULL CHECK (context IN ('list', 'detail', 'attract', 'takeover')),
  reported_at INTEGER
);
CREATE INDEX notice_displays_unreported ON notice_displays(id) WHERE reported_at IS NULL;
)sql";

// A co-report is a submission of its own that names the ticket it joins: the head office's
// number, or the local client id of a ticket not yet numbered.
constexpr std::string_view kV3CoReports = R"sql(
CREATE TABLE co_reports (
  client_id TEXT PRIMARY KEY,
  ticket_ref TEXT NOT NULL,
  place_id TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  phone_last4 TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX co_reports_by_ticket ON co_reports(ticket_ref);
ALTER TABLE tickets ADD COLUMN co_reporters INTEGER NOT NULL DEFAULT 0;
)sql";

// Items the head office refused for good (conflict, invalid): out of the queue, kept for a
// person. The phone is not kept.
constexpr std::string_view kV4Rejected = R"sql(
CREATE TABLE rejected_submissions (
  client_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  error_code TEXT NOT NULL,
  error_message TEXT NOT NULL DEFAULT '',
  rejected_at INTEGER NOT NULL
);
)sql";

// Notices may carry an English translation beside the Chinese text (empty: none).
constexpr std::string_view kV5NoticeTranslations = R"sql(
ALTER TABLE notices ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN body_en TEXT NOT NULL DEFAULT '';
)sql";

constexpr Migration kSteps[] = {
    {1, "base schema", kV1Base},
    {2, "notice display records", kV2NoticeDisplays},
    {3, "co-reporters", kV3CoReports},
    {4, "rejected submissions", kV4Rejected},
    {5, "notice translations", kV5NoticeTranslations},
};

}  // namespace

std::span<const Migration> migrationSteps() {
    return kSteps;
}

}  // namespace homedesk::store
