// The flows' TicketStore over SQLite: submit() commits ticket, first status and outbox item in
// one synchronous=FULL transaction; tracking and "me too" read the same tables.
// A view on a TerminalDb's connection and phone key (terminal_db.hpp): it lives on that thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/ticket_store.hpp"
#include "kiosk/store/phone_cipher.hpp"
#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

class SqliteTicketStore final : public TicketStore {
public:
    SqliteTicketStore(Db& db, const PhoneCipher& cipher) : m_db(db), m_cipher(cipher) {}

    Result<Receipt> submit(const NewTicket& ticket) override;
    Result<bool> delivered(const std::string& clientId) override;
    Result<std::vector<TicketRecord>> openTicketsAt(const std::string& placeId) override;
    Result<std::optional<TicketRecord>> findForTracking(const std::string& number,
                                                        const std::string& phoneLast4) override;

    // By the terminal's own id (receipt screen, tests).
    Result<std::optional<TicketRecord>> ticket(const std::string& clientId);

    Db& db() { return m_db; }  // for tests' fault hooks and inspection

private:
    Result<Receipt> submitLocked(const NewTicket& ticket);
    Result<Receipt> submitCoReport(const NewTicket& ticket);
    Result<std::string> freeTrackingCode(const std::string& clientId);
    Status queue(const NewTicket& ticket, const std::string& payload);

    Db& m_db;
    const PhoneCipher& m_cipher;
};

}  // namespace homedesk::store
