// The terminal's database for one thread: its one connection (migrated to the latest schema
// when opened), the phone key, and the repositories on that connection that the flows and the
// sync engine use. The UI thread opens one, each sync engine thread its own; never share one.
#pragma once

#include <memory>
#include <string>

#include "kiosk/store/phone_cipher.hpp"
#include "kiosk/store/sqlite_db.hpp"
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_surveys.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"

namespace homedesk::store {

class TerminalDb {
public:
    // Loads (or creates, 0600) the key, opens the file and migrates it.
    static Result<std::unique_ptr<TerminalDb>> open(const std::string& dbPath,
                                                    const std::string& keyPath);
    // The data folder's database and key (store_open.hpp names them).
    static Result<std::unique_ptr<TerminalDb>> openIn(const std::string& dataDir);

    TerminalDb(const TerminalDb&) = delete;
    TerminalDb& operator=(const TerminalDb&) = delete;

    SqliteTicketStore& tickets() { return m_tickets; }
    SqliteSurveys& surveys() { return m_surveys; }
    SqliteNotices& notices() { return m_notices; }
    SqliteOutbox& outbox() { return m_outbox; }
    Db& db() { return m_db; }  // for tests' fault hooks and inspection

private:
    TerminalDb(Db db, PhoneCipher cipher);

    Db m_db;
    PhoneCipher m_cipher;
    SqliteTicketStore m_tickets{m_db, m_cipher};
    SqliteSurveys m_surveys{m_db};
    SqliteNotices m_notices{m_db};
    SqliteOutbox m_outbox{m_db, m_cipher};
};

}  // namespace homedesk::store
