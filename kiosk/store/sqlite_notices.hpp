// Notices on the terminal: changes from the head office's feed (newest revision wins), the list
// the screens show (emergency, then pinned, then newest; only published and unexpired), and the
// display records that prove when each notice was actually on screen. A view on a TerminalDb's
// connection (terminal_db.hpp): it lives on that thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

struct StoredNotice {
    std::string id;
    std::int64_t revision = 1;
    std::string title;
    std::string body;
    std::string category = "general";  // outage | finance | event | general (the wire words)
    bool emergency = false;
    bool pinned = false;
    std::int64_t publishAt = 0;
    std::optional<std::int64_t> expireAt;
    bool retracted = false;
    std::string titleEn;  // English translation, empty when there is none
    std::string bodyEn;
};

struct NoticeTarget {
    std::string kind = "all";  // all | community | building | terminal
    std::string id;
};

struct DisplayRecord {
    std::int64_t id = 0;
    std::string noticeId;
    std::int64_t revision = 0;
    std::int64_t shownAt = 0;
    std::int64_t shownMs = 0;
    std::string context;  // list | detail | attract | takeover
};

class SqliteNotices {
public:
    explicit SqliteNotices(Db& db) : m_db(db) {}

    // Stores the change unless the terminal already has this or a later revision (returns false then).
    Result<bool> applyChange(const StoredNotice& notice, const std::vector<NoticeTarget>& targets,
                             std::int64_t receivedAt);
    // A page of the notice feed and its cursor in one transaction.
    Status applyPage(const std::vector<StoredNotice>& notices, const std::string& feed, const std::string& cursor,
                     std::int64_t receivedAt);
    Result<std::string> cursor(const std::string& feed);
    Result<std::vector<StoredNotice>> current(std::int64_t now);
    // Every notice held, current or not (the demo notices load only into an empty store).
    Result<std::int64_t> count();

    Status recordDisplay(const DisplayRecord& record);
    Result<std::vector<DisplayRecord>> unreportedDisplays(int limit);
    Status markDisplaysReported(std::int64_t upToId, std::int64_t at);
    Status markDisplayReported(const std::string& noticeId, std::int64_t revision, std::int64_t shownAt, std::int64_t at);

    Db& db() { return m_db; }

private:
    Result<bool> applyInTransaction(const StoredNotice& notice, const std::vector<NoticeTarget>& targets,
                                    std::int64_t receivedAt);

    Db& m_db;
};

}  // namespace homedesk::store
