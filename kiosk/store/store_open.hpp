// Where the terminal's database and key live, and the guard that keeps exceptions inside the
// store. Opening the database is TerminalDb's (terminal_db.hpp).
#pragma once

#include <exception>
#include <string>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

// Where the terminal's database and its key file live in the data folder: named only here.
inline std::string databasePath(const std::string& dataDir) { return dataDir + "/homedesk.db"; }
inline std::string keyPath(const std::string& dataDir) { return dataDir + "/homedesk.key"; }

// Runs fn and turns any exception (allocation failure, a library bug) into an Internal error,
// so that none crosses the store's boundary.
template <typename T, typename Fn>
Result<T> guarded(const char* where, Fn&& fn) noexcept {
    try {
        return fn();
    } catch (const std::exception& e) {
        return Error{Error::Kind::Internal, where, e.what(), false};
    } catch (...) {
        return Error{Error::Kind::Internal, where, "unknown exception", false};
    }
}

}  // namespace homedesk::store
