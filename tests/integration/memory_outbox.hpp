// In-memory Outbox and feed sinks for the engine tests (kiosk/store provides the real ones).
// Thread-safe so a test can look while the engine works.
#pragma once

#include <map>
#include <mutex>

#include "sync/client/outbox.hpp"

namespace homedesk::testing {

class MemoryOutbox final : public sync::Outbox {
public:
    void add(protocol::Submission s) {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(s));
    }
    Result<std::vector<protocol::Submission>> pending(int limit) override {
        std::lock_guard lock(m_mutex);
        return std::vector<protocol::Submission>(
            m_queue.begin(), m_queue.begin() + std::min<std::size_t>(limit, m_queue.size()));
    }
    Status markDelivered(const std::string& id, const std::optional<std::string>& ticket,
                               std::int64_t) override {
        std::lock_guard lock(m_mutex);
        erase(id);
        delivered[id] = ticket.value_or("");
        return Done{};
    }
    Status markRejected(const std::string& id, const protocol::ProtocolError& why,
                              std::int64_t) override {
        std::lock_guard lock(m_mutex);
        erase(id);
        rejected[id] = why.code;
        return Done{};
    }
    Status recordFailure(const std::string& id, const std::string&, std::int64_t) override {
        std::lock_guard lock(m_mutex);
        ++failures[id];
        return Done{};
    }
    Result<sync::QueueStats> stats(std::int64_t) override {
        std::lock_guard lock(m_mutex);
        return sync::QueueStats{static_cast<std::int64_t>(m_queue.size()),
                                m_queue.empty() ? std::nullopt : std::optional<std::int64_t>(0)};
    }
    std::size_t size() {
        std::lock_guard lock(m_mutex);
        return m_queue.size();
    }
    template <typename F>
    auto inspect(F f) {
        std::lock_guard lock(m_mutex);
        return f(*this);
    }

    std::map<std::string, std::string> delivered;  // client id -> ticket number
    std::map<std::string, protocol::ErrorCode> rejected;
    std::map<std::string, int> failures;

private:
    void erase(const std::string& id) {
        std::erase_if(m_queue, [&](const protocol::Submission& s) { return s.client_id == id; });
    }
    std::mutex m_mutex;
    std::vector<protocol::Submission> m_queue;
};

class MemorySinks final : public sync::TicketStatusSink, public sync::NoticeSink {
public:
    Result<std::string> ticketCursor() override {
        std::lock_guard lock(m_mutex);
        return m_ticketCursor;
    }
    Status applyTicketPage(const std::vector<protocol::TicketStatusChange>& changes,
                                 const std::string& cursor) override {
        std::lock_guard lock(m_mutex);
        for (const auto& c : changes) ticketStatus[c.ticket_number] = c.status;
        m_ticketCursor = cursor;
        return Done{};
    }
    Result<std::string> noticeCursor() override {
        std::lock_guard lock(m_mutex);
        return m_noticeCursor;
    }
    Status applyNoticePage(const std::vector<protocol::Notice>& changes,
                                 const std::string& cursor) override {
        std::lock_guard lock(m_mutex);
        for (const auto& n : changes) {
            if (n.retracted) notices.erase(n.id);
            else notices[n.id] = n.title;
        }
        m_noticeCursor = cursor;
        return Done{};
    }
    template <typename F>
    auto inspect(F f) {
        std::lock_guard lock(m_mutex);
        return f(*this);
    }

    std::map<std::string, protocol::TicketState> ticketStatus;
    std::map<std::string, std::string> notices;  // shown now: id -> title

private:
    std::mutex m_mutex;
    std::string m_ticketCursor;
    std::string m_noticeCursor;
};

class MemoryDisplayLog final : public sync::DisplayLog {
public:
    void add(protocol::NoticeDisplay d) {
        std::lock_guard lock(m_mutex);
        m_unreported.push_back(std::move(d));
    }
    Result<std::vector<protocol::NoticeDisplay>> unreported(int limit) override {
        std::lock_guard lock(m_mutex);
        return std::vector<protocol::NoticeDisplay>(
            m_unreported.begin(),
            m_unreported.begin() + std::min<std::size_t>(limit, m_unreported.size()));
    }
    Status reported(const std::vector<protocol::NoticeDisplay>& displays) override {
        std::lock_guard lock(m_mutex);
        m_unreported.erase(m_unreported.begin(),
                           m_unreported.begin() + std::min(displays.size(), m_unreported.size()));
        return Done{};
    }
    std::size_t pending() {
        std::lock_guard lock(m_mutex);
        return m_unreported.size();
    }

private:
    std::mutex m_mutex;
    std::vector<protocol::NoticeDisplay> m_unreported;
};

}  // namespace homedesk::testing
