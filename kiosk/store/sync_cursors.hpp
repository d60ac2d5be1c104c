// The feed cursors the sync engine must store (one row per feed), shared by every feed's page
// writer so a page and its cursor commit in the caller's transaction.
#pragma once

#include <string>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

Status saveCursor(Db& db, const std::string& feed, const std::string& cursor);
Result<std::string> readCursor(Db& db, const std::string& feed);  // empty: from the start

}  // namespace homedesk::store
