// Notices as the terminal shows them: the model, which are current (publish <= now < expiry),
// their order (emergency, pinned, newest), the category filter, and the demo feed file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/directory.hpp"
#include "base/result.hpp"

namespace homedesk {

// 停水停电 outages, 收支公示 finance disclosure, 社区活动 events, 通知 general.
enum class NoticeCategory { Outage, Finance, Event, General };
inline constexpr NoticeCategory kNoticeCategories[] = {NoticeCategory::Outage, NoticeCategory::Finance,
                                                       NoticeCategory::Event, NoticeCategory::General};
std::string_view toString(NoticeCategory);  // the wire words: outage, finance, event, general
std::optional<NoticeCategory> noticeCategoryFrom(std::string_view);

struct Notice {
    std::string id;
    std::int64_t revision = 1;
    LocalizedName title;  // zh as published; en when a translation came with it
    LocalizedName body;
    NoticeCategory category = NoticeCategory::General;
    bool emergency = false;
    bool pinned = false;
    std::int64_t publishAt = 0;  // unix seconds
    std::optional<std::int64_t> expireAt;

    bool currentAt(std::int64_t now) const { return publishAt <= now && (!expireAt || now < *expireAt); }
};

// The notices current at `now`, emergency first, then pinned, then newest (then id).
std::vector<Notice> currentNotices(const std::vector<Notice>& all, std::int64_t now);
// Of those, the ones in `category` (all when none).
std::vector<const Notice*> filtered(const std::vector<Notice>& current, std::optional<NoticeCategory> category);
std::vector<const Notice*> filtered(std::vector<Notice>&&, std::optional<NoticeCategory>) = delete;  // would dangle
// The first current emergency notice, for the banner and the takeover.
const Notice* activeEmergency(const std::vector<Notice>& all, std::int64_t now);

// The demo feed file: {"changes": [notice...], "cursor": ..., "more": false}, each notice in the
// head office's feed shape plus optional "title_en"/"body_en". Strict: a bad field is refused
// with its path.
Result<std::vector<Notice>> parseNoticeFeed(std::string_view json, const std::string& source);
Result<std::vector<Notice>> loadNoticeFeed(const std::string& path);

}  // namespace homedesk
