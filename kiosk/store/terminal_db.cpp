// Opens the connection, runs the migrations and loads the key: the one way in to the database.
#include "kiosk/store/terminal_db.hpp"

#include "base/private_file.hpp"
#include "kiosk/store/migrations.hpp"
#include "kiosk/store/store_open.hpp"

namespace homedesk::store {

TerminalDb::TerminalDb(Db db, PhoneCipher cipher)
    : m_db(std::move(db)), m_cipher(std::move(cipher)) {}

Result<std::unique_ptr<TerminalDb>> TerminalDb::open(const std::string& dbPath,
                                                     const std::string& keyPath) {
    using Opened = std::unique_ptr<TerminalDb>;
    return guarded<Opened>("store.open", [&]() -> Result<Opened> {
        auto cipher = PhoneCipher::openOrCreate(keyPath);
        if (!cipher) return cipher.error();
        if (auto file = makePrivateFile(dbPath); !file) return file.error();  // 0600 from byte one
        auto db = Db::open(dbPath);
        if (!db) return db.error();
        if (auto migrated = migrate(*db); !migrated) return migrated.error();
        return Opened(new TerminalDb(std::move(db).value(), std::move(cipher).value()));
    });
}

Result<std::unique_ptr<TerminalDb>> TerminalDb::openIn(const std::string& dataDir) {
    // Residents' phone numbers and their key live here: owner-only, whoever made the folder.
    if (auto folder = makePrivateFolder(dataDir, true); !folder) return folder.error();
    return open(databasePath(dataDir), keyPath(dataDir));
}

}  // namespace homedesk::store
