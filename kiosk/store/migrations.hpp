// Versioned schema: each step takes the database from version N to N+1 in one transaction and
// records N+1 in PRAGMA user_version. Steps are never edited once released; add a new one.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

struct Migration {
    int to = 0;  // the version this step produces; it runs on a database at to - 1
    std::string_view name;
    std::string_view sql;
};

std::span<const Migration> migrationSteps();
int latestSchemaVersion();

Result<int> schemaVersion(Db& db);

// Runs every step above the database's version up to `target` (default: latest). Refuses a
// database newer than this program knows, rather than guess at it.
Status migrate(Db& db, int target = 0);

}  // namespace homedesk::store
