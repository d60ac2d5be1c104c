#include "sync/hq/sqlite_hq_store.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "base/private_file.hpp"

#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "sync/hq/sqlite_hq_guard.hpp"
#include "sync/hq/sqlite_schema.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::hq {

Result<std::unique_ptr<SqliteHqStore>> SqliteHqStore::open(const std::string& path) {
    // It holds residents' phone numbers and the staff's password hashes.
    auto privateFile = makePrivateFile(path);
    if (!privateFile) return privateFile.error();
    auto pii = PiiCipher::openOrCreate(piiKeyPath(path));
    if (!pii) return pii.error();
    try {
        auto db = std::make_unique<Database>(path);
        migrate(*db);
        std::unique_ptr<SqliteHqStore> store(
            new SqliteHqStore(std::move(db), signingKeyPath(path), std::move(pii).value()));
        store->moveSigningKeyOutOfDatabase();
        store->sealPlainPhones();
        return store;
    } catch (const std::exception& e) {
        return ioError("hq store", e.what());
    }
}

std::string SqliteHqStore::signingKeyPath(const std::string& dbPath) {
    return dbPath + ".signing-key";
}

std::string SqliteHqStore::piiKeyPath(const std::string& dbPath) { return dbPath + ".pii-key"; }

SqliteHqStore::SqliteHqStore(std::unique_ptr<Database> db, std::string keyPath, PiiCipher pii)
    : m_signingKeyPath(std::move(keyPath)), m_pii(std::move(pii)), m_db(std::move(db)) {}

std::string SqliteHqStore::storedPayload(const nlohmann::json& payload) const {
    auto stored = payload;
    const auto phone = stored.find("phone");
    if (phone != stored.end() && phone->is_string() &&
        !phone->get_ref<const std::string&>().empty())
        *phone = m_pii.seal(phone->get<std::string>());
    return stored.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> SqliteHqStore::phoneOf(const nlohmann::json& stored) const {
    const auto phone = stored.find("phone");
    if (phone == stored.end() || !phone->is_string()) return std::nullopt;
    const auto& text = phone->get_ref<const std::string&>();
    if (text.empty()) return std::nullopt;
    if (!PiiCipher::isSealed(text)) return text;  // not yet sealed (sealPlainPhones runs at open)
    auto plain = m_pii.open(text);
    if (!plain) return std::string("(unreadable: sealed under another key)");
    return plain.value();
}

void SqliteHqStore::sealPlainPhones() {
    Transaction tx(*m_db);
    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    {
        auto st = m_db->prepare(
            "SELECT rowid, payload FROM submissions WHERE json_valid(payload) AND "
            "json_type(payload, '$.phone') = 'text' AND json_extract(payload, '$.phone') <> '' "
            "AND json_extract(payload, '$.phone') NOT LIKE 's1.%'");
        while (st.step())
            rewritten.emplace_back(st.integer(0),
                                   storedPayload(nlohmann::json::parse(st.text(1))));
    }
    if (rewritten.empty()) return;
    auto update = m_db->prepare("UPDATE submissions SET payload = ? WHERE rowid = ?");
    for (const auto& [row, payload] : rewritten) {
        update.bind(1, payload).bind(2, row).run();
        update.reset();
    }
    tx.commit();
    m_db->exec("VACUUM");  // the plain numbers must not linger in free pages
    m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void SqliteHqStore::moveSigningKeyOutOfDatabase() {
    {
        Transaction tx(*m_db);
        std::string inDatabase;
        {
            auto st = m_db->prepare("SELECT value FROM meta WHERE key = 'signing_secret'");
            if (!st.step()) return;
            inDatabase = st.text(0);
        }
        // The file wins when both exist (it may have been rotated); the copy in the database goes.
        auto kept = readOrCreateSecret(m_signingKeyPath, inDatabase);
        if (!kept) throw std::runtime_error(kept.error().message);
        m_db->prepare("DELETE FROM meta WHERE key = 'signing_secret'").run();
        tx.commit();
    }
    // The deleted key must not linger in a free page of hq.db or in its WAL.
    m_db->exec("VACUUM");
    m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}
SqliteHqStore::~SqliteHqStore() = default;

std::int64_t SqliteHqStore::nextId(const char* table) {
    auto st = m_db->prepare(std::string("SELECT COUNT(*) + 1 FROM ") + table);
    st.step();
    return st.integer(0);
}

void SqliteHqStore::bumpConfigVersion() {
    m_db->prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version'")
        .run();
}

Result<std::string> SqliteHqStore::addCommunity(const std::string& name) {
    return guarded<std::string>("add community", [&] {
        Transaction tx(*m_db);
        const std::string id = "c" + std::to_string(nextId("communities"));
        m_db->prepare("INSERT INTO communities(id, name) VALUES (?, ?)")
            .bind(1, id)
            .bind(2, name)
            .run();
        bumpConfigVersion();
        tx.commit();
        return id;
    });
}

Result<std::string> SqliteHqStore::addBuilding(const std::string& communityId,
                                               const std::string& name) {
    return guarded<std::string>("add building", [&]() -> Result<std::string> {
        Transaction tx(*m_db);
        auto community = m_db->prepare("SELECT 1 FROM communities WHERE id = ?");
        if (!community.bind(1, communityId).step())
            return Error{Error::Kind::NotFound, "hq store", "no community " + communityId, false};
        const std::string id = "b" + std::to_string(nextId("buildings"));
        m_db->prepare("INSERT INTO buildings(id, community_id, name) VALUES (?, ?, ?)")
            .bind(1, id).bind(2, communityId).bind(3, name).run();
        bumpConfigVersion();
        tx.commit();
        return id;
    });
}

Result<EnrollCode> SqliteHqStore::createEnrollCode(const std::string& communityId,
                                                   const std::optional<std::string>& buildingId,
                                                   std::int64_t expiresAt) {
    return guarded<EnrollCode>("create enroll code", [&]() -> Result<EnrollCode> {
        Transaction tx(*m_db);
        auto code = insertEnrollCode(communityId, buildingId, expiresAt);
        if (code) tx.commit();
        return code;
    });
}

Result<EnrollCode> SqliteHqStore::insertEnrollCode(const std::string& communityId,
                                                   const std::optional<std::string>& buildingId,
                                                   std::int64_t expiresAt) {
    // Inside one write transaction: a check still open as a read would make the insert fail at
    // once (SQLITE_BUSY, no wait) when the serving process wrote in between.
    auto check = m_db->prepare(
        "SELECT 1 FROM communities c WHERE c.id = ?1 AND (?2 IS NULL OR EXISTS "
        "(SELECT 1 FROM buildings b WHERE b.id = ?2 AND b.community_id = c.id))");
    if (!check.bind(1, communityId).bind(2, buildingId).step())
        return Error{Error::Kind::NotFound, "hq store",
                     "no such community (or building in it): " + communityId, false};
    EnrollCode code{newEnrollCode(), communityId, buildingId, expiresAt};
    m_db->prepare("INSERT INTO enroll_codes(code, community_id, building_id, expires_at) "
                  "VALUES (?, ?, ?, ?)")
        .bind(1, code.code).bind(2, code.community_id).bind(3, code.building_id)
        .bind(4, code.expires_at).run();
    return code;
}

Result<std::string> SqliteHqStore::addStaff(const std::string& username,
                                            const std::string& passwordHash, StaffRole role) {
    return guarded<std::string>("add staff", [&] {
        m_db->prepare("INSERT INTO staff(username, password_hash, role, created_at) "
                      "VALUES (?, ?, ?, strftime('%s','now'))")
            .bind(1, username).bind(2, passwordHash).bind(3, toString(role)).run();
        return username;
    });
}

Result<std::optional<std::string>> SqliteHqStore::staffPasswordHash(const std::string& username) {
    return guarded<std::optional<std::string>>("staff password", [&] {
        auto st = m_db->prepare("SELECT password_hash FROM staff WHERE username = ?");
        return st.bind(1, username).step() ? std::optional<std::string>(st.text(0)) : std::nullopt;
    });
}

Result<std::string> SqliteHqStore::signingSecret() {
    // Read on every use (a small file in the page cache): `signing-key rotate` in another
    // process takes effect without a restart.
    std::lock_guard lock(m_keyMutex);
    return readOrCreateSecret(m_signingKeyPath, protocol::generateSigningKey().encoded());
}

Result<std::string> SqliteHqStore::rotateSigningKey() {
    std::lock_guard lock(m_keyMutex);
    const std::string secret = protocol::generateSigningKey().encoded();
    auto replaced = replaceSecret(m_signingKeyPath, secret);
    if (!replaced) return replaced.error();
    // Terminals learn the new public key with their next configuration.
    auto bumped = guarded<bool>("rotate signing key", [&] {
        bumpConfigVersion();
        return true;
    });
    if (!bumped) return bumped.error();
    return secret;
}

Result<std::int64_t> SqliteHqStore::configVersion() {
    return guarded<std::int64_t>("config version", [&] {
        auto st =
            m_db->prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'config_version'");
        return st.step() ? st.integer(0) : std::int64_t{0};
    });
}

Result<protocol::TerminalConfig> SqliteHqStore::terminalConfig(const TerminalRecord& terminal) {
    auto secret = signingSecret();
    if (!secret) return secret.error();
    auto key = protocol::signingKeyFrom(secret.value());
    if (!key) return key.error();
    auto version = configVersion();
    if (!version) return version.error();
    return guarded<protocol::TerminalConfig>("terminal config", [&] {
        protocol::TerminalConfig config;
        config.config_version = version.value();
        config.terminal_id = terminal.id;
        config.community_id = terminal.community_id;
        config.signing_public_key = key->publicKey.encoded();
        auto community = m_db->prepare("SELECT name FROM communities WHERE id = ?");
        if (community.bind(1, terminal.community_id).step())
            config.community_name = community.text(0);
        auto buildings = m_db->prepare(
            "SELECT id, name FROM buildings WHERE community_id = ? ORDER BY id");
        buildings.bind(1, terminal.community_id);
        while (buildings.step()) config.buildings.push_back({buildings.text(0), buildings.text(1)});
        return config;
    });
}

}  // namespace homedesk::hq
