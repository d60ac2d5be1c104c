// Runs the schema steps of schema_steps.cpp, one transaction per step.
#include "kiosk/store/migrations.hpp"

#include <string>

namespace homedesk::store {

int latestSchemaVersion() {
    return migrationSteps().back().to;
}

Result<int> schemaVersion(Db& db) {
    auto version = db.queryInt("PRAGMA user_version");
    if (!version) return version.error();
    return static_cast<int>(*version);
}

Status migrate(Db& db, int target) {
    const int latest = latestSchemaVersion();
    if (target <= 0) target = latest;
    if (target > latest)
        return invalidInput("store.migrate", "no schema version " + std::to_string(target));
    for (const Migration& step : migrationSteps()) {
        if (step.to > target) break;
        auto tx = Transaction::begin(db);
        if (!tx) return tx.error();
        // Read inside the write lock: another connection may have migrated meanwhile.
        auto version = schemaVersion(db);
        if (!version) return version.error();
        if (*version > latest)
            return Error{Error::Kind::Internal, "store.migrate",
                         "database schema version " + std::to_string(*version) +
                             " is newer than this program (" + std::to_string(latest) + ")",
                         false};
        if (*version >= step.to) continue;
        if (*version != step.to - 1)
            return Error{Error::Kind::Internal, "store.migrate",
                         "schema version " + std::to_string(*version) + " has no step to " +
                             std::to_string(step.to),
                         false};
        auto applied = db.exec(step.sql);
        if (!applied) {
            Error e = applied.error();
            e.message = "migration to " + std::to_string(step.to) + " (" + std::string(step.name) +
                        ") failed: " + e.message;
            return e;
        }
        auto stamped = db.exec("PRAGMA user_version = " + std::to_string(step.to));
        if (!stamped) return stamped.error();
        auto committed = tx->commit();
        if (!committed) return committed.error();
    }
    return Done{};
}

}  // namespace homedesk::store
