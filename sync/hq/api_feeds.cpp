// GET /notices (long-poll) and GET /tickets/status: pages of changes after a cursor.
#include <chrono>
#include <optional>

#include <spdlog/spdlog.h>

#include "sync/hq/api_handlers.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::hq::detail {
namespace {

using protocol::ErrorCode;

// Digits only, so "1e3", "-1", " 5" and overflow are refused rather than guessed at.
std::optional<std::int64_t> number(const ApiRequest& r, const char* key, std::int64_t fallback,
                                   std::int64_t min, std::int64_t max, std::string& error) {
    auto it = r.query.find(key);
    if (it == r.query.end() || it->second.empty()) return fallback;
    const std::string& text = it->second;
    std::int64_t value = 0;
    bool valid = text.size() <= 18;
    for (char ch : text) valid = valid && ch >= '0' && ch <= '9';
    if (valid) value = std::stoll(text);
    if (!valid || value < min || value > max) {
        error = std::string(key) + ": must be a whole number from " + std::to_string(min) +
                " to " + std::to_string(max);
        return std::nullopt;
    }
    return value;
}

struct FeedQuery {
    std::int64_t since = 0;
    int limit = 100;
    int wait = 0;
};

std::optional<FeedQuery> feedQuery(const ApiRequest& r, std::string& error) {
    auto since = number(r, "since", 0, 0, INT64_MAX, error);
    auto limit = number(r, "limit", 100, 1, protocol::kMaxFeedPage, error);
    auto wait = number(r, "wait", 0, 0, protocol::kMaxWaitSeconds, error);
    if (!since || !limit || !wait) return std::nullopt;
    return FeedQuery{*since, static_cast<int>(*limit), static_cast<int>(*wait)};
}

}  // namespace

ApiResponse notices(const Context& c, const TerminalRecord& t) {
    std::string error;
    auto q = feedQuery(c.request, error);
    if (!q) return errorResponse(ErrorCode::BadRequest, error);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(q->wait);
    std::int64_t since = q->since;
    // The cursor a terminal sends is the last change it has stored: what the console shows as
    // delivered. A failure here costs only that figure, never the feed.
    if (since > 0 && !c.request.resumedLongPoll) {
        if (auto read = c.store.recordNoticeCursor(t.id, since, c.clock()); !read)
            spdlog::warn("notice cursor of {}: {}", t.id, read.error().message);
    }
    for (;;) {
        const std::int64_t seen = c.hub ? c.hub->generation() : 0;
        auto feed = c.store.noticesSince(t, since, q->limit);
        if (!feed) return storeFailure(feed.error());
        if (c.request.parkLongPoll && feed->changes.empty() && q->wait > 0 && c.hub) {
            ApiResponse parked = ok(feed.value());
            parked.park = LongPollPark{t.id, seen, deadline};
            return parked;
        }
        if (!feed->changes.empty() || q->wait == 0 || !c.hub ||
            !c.hub->waitForChange(seen, deadline))
            return ok(feed.value());
        since = std::stoll(feed->cursor);  // the store writes only digits
    }
}

ApiResponse ticketStatus(const Context& c, const TerminalRecord& t) {
    std::string error;
    auto q = feedQuery(c.request, error);
    if (!q) return errorResponse(ErrorCode::BadRequest, error);
    auto feed = c.store.ticketChangesSince(t, q->since, q->limit);
    if (!feed) return storeFailure(feed.error());
    return ok(feed.value());
}

}  // namespace homedesk::hq::detail
