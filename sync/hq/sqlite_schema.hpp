// The head office's SQLite schema and its migrations (PRAGMA user_version). A PostgreSQL
// backend keeps the same tables and columns.
#pragma once

namespace homedesk::hq {

class Database;
void migrate(Database& db);

}  // namespace homedesk::hq
