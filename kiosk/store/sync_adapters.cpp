// Store results and rows to and from the sync engine's wire types.
#include "kiosk/store/sync_adapters.hpp"

#include <ctime>

#include "kiosk/store/store_codes.hpp"

namespace homedesk::store {
Result<std::vector<protocol::Submission>> StoreOutbox::pending(int limit) {
    auto items = m_outbox.pending(limit);
    if (!items) return items.error();
    std::vector<protocol::Submission> out;
    out.reserve(items->size());
    for (const auto& item : *items) {
        protocol::Submission s;
        s.client_id = item.clientId;
        auto kind = protocol::submissionKindFrom(item.kind);
        auto payload = nlohmann::json::parse(item.payloadJson, nullptr, false);
        if (!kind || payload.is_discarded() || !payload.is_object())
            return Error{Error::Kind::Internal, "store.outbox",
                         "queued item " + item.clientId + " is unreadable", false};
        s.kind = *kind;
        s.created_at = item.createdAt;
        s.payload = std::move(payload);
        out.push_back(std::move(s));
    }
    return out;
}

Status StoreOutbox::markDelivered(const std::string& clientId,
                                  const std::optional<std::string>& ticketNumber, std::int64_t at) {
    return m_outbox.markDelivered(clientId, ticketNumber, at);
}

Status StoreOutbox::markRejected(const std::string& clientId, const protocol::ProtocolError& why,
                                 std::int64_t at) {
    return m_outbox.markRejected(clientId, std::string(protocol::wireName(why.code)), why.message,
                                 at);
}

Status StoreOutbox::recordFailure(const std::string& clientId, const std::string& reason,
                                  std::int64_t at) {
    return m_outbox.recordFailure(clientId, reason, at);
}

Status StoreOutbox::settle(const std::vector<Outcome>& outcomes, std::int64_t at) {
    std::vector<SqliteOutbox::Settlement> items;
    items.reserve(outcomes.size());
    for (const auto& o : outcomes) {
        using K = SqliteOutbox::Settlement::Kind;
        const K kind = o.kind == Outcome::Kind::Delivered  ? K::Delivered
                       : o.kind == Outcome::Kind::Rejected ? K::Rejected
                                                           : K::Failed;
        items.push_back({kind, o.client_id, o.ticket_number,
                         std::string(protocol::wireName(o.why.code)), o.why.message});
    }
    return m_outbox.settle(items, at);
}

Result<sync::QueueStats> StoreOutbox::stats(std::int64_t now) {
    auto stats = m_outbox.stats(now);
    if (!stats) return stats.error();
    sync::QueueStats out;
    out.depth = stats->depth;
    if (stats->depth > 0) out.oldest_age_s = stats->oldestAgeSeconds;
    return out;
}

Result<std::string> StoreTicketSink::ticketCursor() {
    return m_outbox.cursor(kTicketFeed);
}

Status StoreTicketSink::applyTicketPage(const std::vector<protocol::TicketStatusChange>& changes,
                                        const std::string& cursor) {
    std::vector<StatusChange> mine;
    mine.reserve(changes.size());
    for (const auto& c : changes) {
        // The wire words and the stored words are the same list.
        auto status = ticketStatusFromCode(protocol::toString(c.status));
        if (!status) continue;
        mine.push_back(StatusChange{c.ticket_number, c.client_id, *status, c.note, c.changed_at});
    }
    return m_outbox.applyStatusPage(mine, kTicketFeed, cursor);
}

Result<std::string> StoreNoticeSink::noticeCursor() {
    return m_notices.cursor(kNoticeFeed);
}

Status StoreNoticeSink::applyNoticePage(const std::vector<protocol::Notice>& changes,
                                        const std::string& cursor) {
    std::vector<StoredNotice> notices;
    notices.reserve(changes.size());
    for (const auto& c : changes) {
        StoredNotice n{c.id,
                       c.revision,
                       c.title,
                       c.body,
                       std::string(protocol::toString(c.category)),
                       c.emergency,
                       c.pinned,
                       c.publish_at,
                       c.expire_at,
                       c.retracted};
        // Always written, empty when the change has none: a revision without English replaces the
        // old translation instead of leaving it next to the new Chinese text.
        n.titleEn = c.title_en.value_or(std::string{});
        n.bodyEn = c.body_en.value_or(std::string{});
        notices.push_back(std::move(n));
    }
    return m_notices.applyPage(notices, kNoticeFeed, cursor,
                               static_cast<std::int64_t>(std::time(nullptr)));
}

Result<std::vector<protocol::NoticeDisplay>> StoreDisplayLog::unreported(int limit) {
    auto records = m_notices.unreportedDisplays(limit);
    if (!records) return records.error();
    std::vector<protocol::NoticeDisplay> out;
    out.reserve(records->size());
    for (const auto& r : *records)
        out.push_back(protocol::NoticeDisplay{r.noticeId, r.revision, r.shownAt, r.shownMs / 1000});
    return out;
}

Status StoreDisplayLog::reported(const std::vector<protocol::NoticeDisplay>& displays) {
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    for (const auto& d : displays)
        if (auto marked = m_notices.markDisplayReported(d.notice_id, d.revision, d.shown_at, now);
            !marked)
            return marked.error();
    return Done{};
}

}  // namespace homedesk::store
