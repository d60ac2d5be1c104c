// Tests' way to one repository: a TerminalDb of its own (its own connection, as another thread
// of the terminal has) that the handle keeps open, used like the Result it came from.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/store/store_open.hpp"
#include "kiosk/store/terminal_db.hpp"

namespace homedesk::store::testing {

template <typename Repo>
class OwnDb {
public:
    OwnDb(Result<std::unique_ptr<TerminalDb>> opened, Repo& (TerminalDb::*pick)()) {
        if (!opened) {
            m_error = opened.error();
            return;
        }
        m_db = std::move(opened).value();
        m_repo = &((*m_db).*pick)();
    }
    bool ok() const { return m_db != nullptr; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    Repo* operator->() { return m_repo; }
    Repo& operator*() { return *m_repo; }
    TerminalDb& db() { return *m_db; }

private:
    std::unique_ptr<TerminalDb> m_db;
    Repo* m_repo = nullptr;
    std::optional<Error> m_error;
};

// The key defaults to the data folder's, next to the database.
inline std::string siblingKey(const std::string& dbPath) {
    return keyPath(std::filesystem::path(dbPath).parent_path().string());
}
inline OwnDb<SqliteTicketStore> openTickets(const std::string& db, const std::string& key) {
    return {TerminalDb::open(db, key), &TerminalDb::tickets};
}
inline OwnDb<SqliteOutbox> openOutbox(const std::string& db, const std::string& key) {
    return {TerminalDb::open(db, key), &TerminalDb::outbox};
}
inline OwnDb<SqliteNotices> openNotices(const std::string& db, const std::string& key = {}) {
    return {TerminalDb::open(db, key.empty() ? siblingKey(db) : key), &TerminalDb::notices};
}
inline OwnDb<SqliteSurveys> openSurveys(const std::string& db, const std::string& key = {}) {
    return {TerminalDb::open(db, key.empty() ? siblingKey(db) : key), &TerminalDb::surveys};
}

}  // namespace homedesk::store::testing
