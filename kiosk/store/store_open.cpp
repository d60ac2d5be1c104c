// Connection + migrations.
#include "kiosk/store/store_open.hpp"

#include "kiosk/store/migrations.hpp"

namespace homedesk::store {

Result<Db> openMigrated(const std::string& dbPath) {
    auto db = Db::open(dbPath);
    if (!db) return db.error();
    auto migrated = migrate(*db);
    if (!migrated) return migrated.error();
    return std::move(db).value();
}

}  // namespace homedesk::store
