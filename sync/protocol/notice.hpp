// GET /api/v1/notices?since=&wait=: changes to the notices that target this terminal, in order.
// A retraction is a change like any other (retracted = true, text emptied, English included).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace homedesk::protocol {

enum class NoticeCategory { Outage, Finance, Event, General };

struct Notice {
    std::string id;
    std::int64_t revision = 1;  // grows with every change to this notice
    std::string title;  // Chinese, the notice's own text
    std::string body;
    // English translation (since protocol 1.1). Absent on the wire = none; a retraction and a
    // revision without English carry none, so the terminal never keeps a stale translation.
    std::optional<std::string> title_en;
    std::optional<std::string> body_en;
    NoticeCategory category = NoticeCategory::General;
    bool emergency = false;
    bool pinned = false;
    std::int64_t publish_at = 0;  // unix seconds; the terminal shows it from then
    std::optional<std::int64_t> expire_at;
    bool retracted = false;
};

struct NoticeFeed {
    std::vector<Notice> changes;
    std::string cursor;  // opaque; send it back as `since`
    bool more = false;   // another page is ready now
};

std::string_view toString(NoticeCategory category);
std::optional<NoticeCategory> noticeCategoryFrom(std::string_view s);

}  // namespace homedesk::protocol
