// The only door to SQLite on the terminal: a connection, RAII prepared statements and a
// transaction guard. SQLite's int codes become Result errors here and go no further.
// One Db per thread: a connection is opened with SQLITE_OPEN_NOMUTEX and must not be shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace homedesk::store {

class Db;

class Statement {
  public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // A statement points at its Db: it must not outlive it or live across a move of it.
    // Indexes are 1-based, as in SQLite. Binding copies the bytes (SQLITE_TRANSIENT).
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bindBlob(int index, const std::vector<unsigned char>& bytes);
    Statement& bindNull(int index);

    Result<bool> step();  // true: a row is ready; false: done
    Status run();         // steps to done; a row is an error (use step() for queries)
    void reset();

    std::string text(int column) const;
    std::optional<std::string> optText(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optInteger(int column) const;
    std::vector<unsigned char> blob(int column) const;
    bool isNull(int column) const;

  private:
    friend class Db;
    Statement(Db* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}

    Db* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0;  // first failed bind, reported by the next step()
};

struct OpenOptions {
    int busyTimeoutMs = 5000;
    bool create = true;
};

class Db {
  public:
    // Opens the file in WAL mode with foreign keys on, synchronous=FULL (a submission is on disk
    // when its commit returns), secure_delete (deleted phone ciphertext is zeroed) and a busy
    // timeout.
    static Result<Db> open(const std::string& path, OpenOptions options = {});

    Db() = default;
    ~Db();
    Db(Db&& other) noexcept;
    Db& operator=(Db&& other) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    bool isOpen() const { return m_db != nullptr; }
    const std::string& path() const { return m_path; }

    Status exec(std::string_view sql);  // one or more statements, no results
    Result<Statement> prepare(std::string_view sql);
    Result<std::int64_t> queryInt(std::string_view sql);  // first column of the first row
    std::int64_t lastInsertId() const;
    int changes() const;

    // Test hook for fault sweeps (SQLite's do_faultsim_test style): the n-th step or exec from
    // now (1-based) fails with an injected I/O error; 0 turns it off. Off unless a test sets it.
    void failOperationAfter(int n) {
        m_faultCountdown = n;
        m_faultFired = false;
    }
    bool faultFired() const { return m_faultFired; }

  private:
    friend class Statement;
    friend class Transaction;
    Error errorFrom(int rc, std::string_view what) const;
    bool injectFault();

    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_faultCountdown = 0;
    bool m_faultFired = false;
};

// BEGIN IMMEDIATE on begin(): the write lock is taken up front, so a busy database fails here and
// not half-way. Rolls back unless commit() succeeded.
class Transaction {
  public:
    static Result<Transaction> begin(Db& db);
    ~Transaction();
    Transaction(Transaction&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;

    Status commit();

  private:
    explicit Transaction(Db& db) : m_db(&db) {}
    Db* m_db = nullptr;  // null once committed or rolled back
};

bool isBusy(const Error& error);

}  // namespace homedesk::store
