// SQLite connection, statements and transactions; every SQLite return code is converted here.
#include "kiosk/store/sqlite_db.hpp"

#include <sqlite3.h>

#include <utility>

namespace homedesk::store {
namespace {

constexpr int kInjectedFault = SQLITE_IOERR_WRITE;

Error::Kind kindOf(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error::Kind::Unavailable;
        case SQLITE_CONSTRAINT:
        case SQLITE_MISMATCH:
        case SQLITE_TOOBIG:
        case SQLITE_RANGE:
            return Error::Kind::InvalidInput;
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return Error::Kind::Io;
        default:
            return Error::Kind::Internal;
    }
}

bool retryableCode(int rc) {
    const int primary = rc & 0xFF;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR;
}

}  // namespace

bool isBusy(const Error& error) {
    return error.kind == Error::Kind::Unavailable;
}

// ---- Db

Result<Db> Db::open(const std::string& path, OpenOptions options) {
    Db db;
    db.m_path = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = db.errorFrom(rc, "cannot open the database");
        sqlite3_close_v2(db.m_db);
        db.m_db = nullptr;
        return e;
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, options.busyTimeoutMs);
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode) return mode.error();
    auto row = mode->step();
    if (!row) return row.error();
    if (!*row || mode->text(0) != "wal")
        return Error{Error::Kind::Io, "store", "cannot switch " + path + " to WAL mode", false};
    mode = Statement();
    auto pragmas =
        db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;");
    if (!pragmas) return pragmas.error();
    return db;
}

Db::~Db() {
    if (m_db) sqlite3_close_v2(m_db);
}

Db::Db(Db&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_path(std::move(other.m_path)),
      m_faultCountdown(other.m_faultCountdown),
      m_faultFired(other.m_faultFired) {}

Db& Db::operator=(Db&& other) noexcept {
    if (this != &other) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_faultCountdown = other.m_faultCountdown;
        m_faultFired = other.m_faultFired;
    }
    return *this;
}

Error Db::errorFrom(int rc, std::string_view what) const {
    std::string message(what);
    message += ": ";
    message += (m_db && rc != kInjectedFault) ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    if (!m_path.empty()) message += " (" + m_path + ")";
    return Error{kindOf(rc), "store", std::move(message), retryableCode(rc)};
}

bool Db::injectFault() {
    if (m_faultCountdown <= 0) return false;
    if (--m_faultCountdown > 0) return false;
    m_faultFired = true;
    return true;
}

Status Db::exec(std::string_view sql) {
    if (!m_db) return Error{Error::Kind::Internal, "store", "database is not open", false};
    if (injectFault()) return errorFrom(kInjectedFault, "exec (injected)");
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        Error e = errorFrom(rc, "exec");
        e.message = "exec: " + detail + (m_path.empty() ? "" : " (" + m_path + ")");
        return e;
    }
    return Done{};
}

Result<Statement> Db::prepare(std::string_view sql) {
    if (!m_db) return Error{Error::Kind::Internal, "store", "database is not open", false};
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return errorFrom(rc, "prepare");
    }
    return Statement(this, stmt);
}

Result<std::int64_t> Db::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return Error{Error::Kind::NotFound, "store", "query returned no row", false};
    return stmt->integer(0);
}

std::int64_t Db::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Db::changes() const {
    return sqlite3_changes(m_db);
}

// ---- Statement

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db),
      m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_bindError(other.m_bindError) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindError = other.m_bindError;
    }
    return *this;
}

#define HOMEDESK_KEEP_BIND_ERROR(call)                                     \
    do {                                                                   \
        const int bindRc = (call);                                         \
        if (bindRc != SQLITE_OK && m_bindError == 0) m_bindError = bindRc; \
    } while (0)

Statement& Statement::bind(int index, std::string_view text) {
    HOMEDESK_KEEP_BIND_ERROR(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(),
                                                 SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    HOMEDESK_KEEP_BIND_ERROR(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

Statement& Statement::bindBlob(int index, const std::vector<unsigned char>& bytes) {
    HOMEDESK_KEEP_BIND_ERROR(
        sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindNull(int index) {
    HOMEDESK_KEEP_BIND_ERROR(sqlite3_bind_null(m_stmt, index));
    return *this;
}

#undef HOMEDESK_KEEP_BIND_ERROR

Result<bool> Statement::step() {
    if (!m_stmt) return Error{Error::Kind::Internal, "store", "statement is not prepared", false};
    if (m_bindError != 0) return m_db->errorFrom(m_bindError, "bind");
    if (m_db->injectFault()) {
        sqlite3_reset(m_stmt);
        return m_db->errorFrom(kInjectedFault, "step (injected)");
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error e = m_db->errorFrom(rc, "step");
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::run() {
    auto row = step();
    if (!row) return row.error();
    if (*row)
        return Error{Error::Kind::Internal, "store",
                     "statement returned rows where none were expected", false};
    return Done{};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size))
                 : std::string();
}

std::optional<std::string> Statement::optText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<std::int64_t> Statement::optInteger(int column) const {
    if (isNull(column)) return std::nullopt;
    return integer(column);
}

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return bytes ? std::vector<unsigned char>(bytes, bytes + size) : std::vector<unsigned char>();
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Transaction

Result<Transaction> Transaction::begin(Db& db) {
    auto begun = db.exec("BEGIN IMMEDIATE");
    if (!begun) return begun.error();
    return Transaction(db);
}

Transaction::~Transaction() {
    // A failed COMMIT may have rolled back already; then ROLLBACK just errors, which is fine.
    if (m_db && m_db->m_db && !sqlite3_get_autocommit(m_db->m_db))
        sqlite3_exec(m_db->m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::commit() {
    if (!m_db) return Error{Error::Kind::Internal, "store", "transaction already finished", false};
    auto committed = m_db->exec("COMMIT");
    if (!committed) return committed.error();  // the destructor rolls back
    m_db = nullptr;
    return Done{};
}

}  // namespace homedesk::store
