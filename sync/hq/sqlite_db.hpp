// The only door to SQLite in the head office: a connection, prepared statements and a
// transaction guard. Failures throw SqliteError inside sync/hq's store; the store turns them
// into Result errors before they leave it.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace homedesk::hq {

class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string& message)
        : std::runtime_error(message), m_code(code) {}
    int code() const { return m_code; }
    bool busy() const;

private:
    int m_code;
};

class Statement;

class Database {
public:
    // Opens (creating) the file in WAL mode with synchronous=FULL and a busy timeout.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    sqlite3* handle() { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bindNull(int index);

    bool step();  // true: a row is ready; false: done
    void run();   // steps to done
    void reset();

    std::string text(int column) const;
    std::optional<std::string> optText(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optInteger(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE (or, for a consistent read of several statements, a deferred BEGIN) on
// construction; ROLLBACK unless commit() was called.
class Transaction {
public:
    enum class Mode { Write, Read };
    explicit Transaction(Database& db, Mode mode = Mode::Write);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace homedesk::hq
