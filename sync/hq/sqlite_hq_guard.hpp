// Internal to the SQLite store: the one place where SqliteError becomes a Result error.
#pragma once

#include "sync/hq/sqlite_db.hpp"
#include "sync/hq/sqlite_hq_store.hpp"

namespace homedesk::hq {

template <typename T, typename F>
Result<T> SqliteHqStore::guarded(const char* what, F&& body) {
    try {
        std::lock_guard lock(m_mutex);
        return body();
    } catch (const SqliteError& e) {
        return Error{e.busy() ? Error::Kind::Unavailable : Error::Kind::Io,
                     std::string("hq store: ") + what, e.what(), e.busy()};
    } catch (const std::exception& e) {
        return Error{Error::Kind::Internal, std::string("hq store: ") + what, e.what(), false};
    }
}

}  // namespace homedesk::hq
