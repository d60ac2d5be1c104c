// The head office's SQLite schema and its migrations (PRAGMA user_version). A PostgreSQL
// backend keeps the same tables and columns.
#pragma once

namespace homedesk::hq {

class Database;
// Brings the file to the newest schema; `upTo` stops at an older version (tests build a
// database as an older head office left it).
inline constexpr int kSchemaVersion = 4;
void migrate(Database& db, int upTo = kSchemaVersion);

}  // namespace homedesk::hq
