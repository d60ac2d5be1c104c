// `homedesk-hq staff add | list | disable`: console accounts from the command line. A password
// never comes from the command line (other users can read it in /proc): from stdin, typed twice
// with echo off when stdin is a terminal.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "sync/hq/cli_commands.hpp"
#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq::cli {
namespace {

int fail(const std::string& message) {
    std::cerr << "homedesk-hq: " << message << "\n";
    return 1;
}

std::int64_t now() {
    return static_cast<std::int64_t>(::time(nullptr));
}

std::unique_ptr<SqliteHqStore> openStore(const std::string& db) {
    auto store = SqliteHqStore::open(db);
    if (!store) {
        fail(store.error().message);
        return nullptr;
    }
    return std::move(store.value());
}

// One line from stdin; at a terminal with echo off, and the terminal restored whatever happens.
std::optional<std::string> readSecretLine(const char* prompt) {
    std::string line;
    if (!::isatty(STDIN_FILENO)) {
        if (!std::getline(std::cin, line)) return std::nullopt;
        return line;
    }
    termios saved{};
    if (::tcgetattr(STDIN_FILENO, &saved) != 0) return std::nullopt;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    std::cerr << prompt << std::flush;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << "\n";
    if (!read) return std::nullopt;
    return line;
}

std::optional<std::string> readPassword() {
    auto first = readSecretLine("Password: ");
    if (!first || !::isatty(STDIN_FILENO)) return first;
    auto second = readSecretLine("Again: ");
    if (!second || *second != *first) {
        fail("the two passwords differ");
        return std::nullopt;
    }
    return first;
}

// "*" or "c1,c2" of known communities.
std::optional<NewStaff> scopeFrom(const std::string& text, SqliteHqStore& store) {
    NewStaff s;
    if (text == "*") {
        s.allCommunities = true;
        return s;
    }
    auto dir = store.communityDirectory();
    if (!dir) {
        fail(dir.error().message);
        return std::nullopt;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string id =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        bool known = false;
        for (const auto& c : dir.value()) known = known || c.id == id;
        if (!known) {
            fail("--communities: no community '" + id + "' (give ids like c1,c2 or *)");
            return std::nullopt;
        }
        s.communities.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return s;
}

}  // namespace

int staffAdd(const std::string& db, const StaffOptions& o) {
    auto role = parseStaffRole(o.role);
    if (!role) return fail("--role must be admin, desk, technician, notice_editor or viewer");
    if (!protocol::isValidText(o.username, protocol::TextKind::Id) || o.username.size() > 64)
        return fail("the username may hold only letters, digits, '-' and '_'");
    if (o.name.size() > 128 || !protocol::isValidText(o.name, protocol::TextKind::Line))
        return fail("--name must be one line of at most 128 bytes");
    if (o.communities.empty()) return fail("give --communities c1,c2 or --communities '*'");
    auto store = openStore(db);
    if (!store) return 1;
    auto scope = scopeFrom(o.communities, *store);
    if (!scope) return 1;
    auto password = readPassword();
    if (!password) return fail("no password on stdin");
    if (password->size() < 10) return fail("the password needs 10 characters or more");
    NewStaff s = *scope;
    s.username = o.username;
    s.name = o.name;
    s.role = *role;
    s.passwordHash = hashPassword(*password);
    if (s.passwordHash.empty()) return fail("could not hash the password");
    auto added = store->addStaffMember(s, {"cli", "", now()});
    if (!added) return fail(added.error().message);
    if (!added.value()) return fail("there is already an account " + o.username);
    std::cout << "added " << o.username << " (" << toString(*role) << ")\n";
    return 0;
}

int staffList(const std::string& db) {
    auto store = openStore(db);
    if (!store) return 1;
    auto accounts = store->staffAccounts();
    if (!accounts) return fail(accounts.error().message);
    const std::int64_t t = now();
    for (const auto& a : accounts.value()) {
        std::string scope = a.user.allCommunities ? "*" : "";
        for (const auto& c : a.user.communities) scope += (scope.empty() ? "" : ",") + c;
        const char* state = a.disabledAt                            ? "disabled"
                            : (a.lockedUntil && *a.lockedUntil > t) ? "locked"
                                                                    : "active";
        std::cout << a.user.username << "\t" << toString(a.user.role) << "\t" << scope << "\t"
                  << (a.user.name.empty() ? "-" : protocol::printableLine(a.user.name)) << "\t"
                  << state << "\n";
    }
    return 0;
}

int staffDisable(const std::string& db, const std::string& username) {
    auto store = openStore(db);
    if (!store) return 1;
    auto disabled = store->disableStaff(username, {"cli", "", now()});
    if (!disabled) return fail(disabled.error().message);
    if (!disabled.value()) return fail("no enabled account " + username);
    std::cout << "disabled " << username << " (its sessions ended)\n";
    return 0;
}

}  // namespace homedesk::hq::cli
