#include "kiosk/store/sync_cursors.hpp"

namespace homedesk::store {

Status saveCursor(Db& db, const std::string& feed, const std::string& cursor) {
    auto save = db.prepare(
        "INSERT INTO sync_cursors (feed, cursor) VALUES (?1, ?2) ON CONFLICT (feed) DO UPDATE SET "
        "cursor = excluded.cursor");
    if (!save) return save.error();
    save->bind(1, feed).bind(2, cursor);
    if (auto saved = save->run(); !saved) return saved.error();
    return Done{};
}

Result<std::string> readCursor(Db& db, const std::string& feed) {
    auto stmt = db.prepare("SELECT cursor FROM sync_cursors WHERE feed = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, feed);
    auto row = stmt->step();
    if (!row) return row.error();
    return *row ? stmt->text(0) : std::string();
}

}  // namespace homedesk::store
