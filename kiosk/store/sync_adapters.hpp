// kiosk/store as the sync engine sees it: sync/client's Outbox and TicketStatusSink over the
// push thread's SqliteOutbox, DisplayLog over its SqliteNotices, NoticeSink over the notice
// thread's SqliteNotices: each thread's repositories come from its own TerminalDb. Built as homedesk_store_sync
// so that homedesk_store itself does not depend on the wire types.
#pragma once

#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "sync/client/outbox.hpp"

namespace homedesk::store {

inline constexpr const char* kTicketFeed = "tickets";
inline constexpr const char* kNoticeFeed = "notices";

class StoreOutbox final : public sync::Outbox {
public:
    explicit StoreOutbox(SqliteOutbox& outbox) : m_outbox(outbox) {}
    Result<std::vector<protocol::Submission>> pending(int limit) override;
    Status markDelivered(const std::string& clientId, const std::optional<std::string>& ticketNumber,
                               std::int64_t at) override;
    Status markRejected(const std::string& clientId, const protocol::ProtocolError& why,
                              std::int64_t at) override;
    Status recordFailure(const std::string& clientId, const std::string& reason, std::int64_t at) override;
    Result<sync::QueueStats> stats(std::int64_t now) override;
    Status settle(const std::vector<Outcome>& outcomes, std::int64_t at) override;  // one transaction

private:
    SqliteOutbox& m_outbox;
};

class StoreTicketSink final : public sync::TicketStatusSink {
public:
    explicit StoreTicketSink(SqliteOutbox& outbox) : m_outbox(outbox) {}
    Result<std::string> ticketCursor() override;
    Status applyTicketPage(const std::vector<protocol::TicketStatusChange>& changes,
                                 const std::string& cursor) override;

private:
    SqliteOutbox& m_outbox;
};

class StoreNoticeSink final : public sync::NoticeSink {
public:
    explicit StoreNoticeSink(SqliteNotices& notices) : m_notices(notices) {}
    Result<std::string> noticeCursor() override;
    Status applyNoticePage(const std::vector<protocol::Notice>& changes, const std::string& cursor) override;

private:
    SqliteNotices& m_notices;
};

class StoreDisplayLog final : public sync::DisplayLog {
public:
    explicit StoreDisplayLog(SqliteNotices& notices) : m_notices(notices) {}
    Result<std::vector<protocol::NoticeDisplay>> unreported(int limit) override;
    Status reported(const std::vector<protocol::NoticeDisplay>& displays) override;

private:
    SqliteNotices& m_notices;
};

}  // namespace homedesk::store
