#include "sync/hq/notice_hub.hpp"

#include <spdlog/spdlog.h>

#include "sync/hq/hq_store.hpp"

namespace homedesk::hq {

NoticeHub::NoticeHub(HqStore& store, std::chrono::milliseconds interval)
    : m_store(store), m_interval(interval), m_watcher([this] { watch(); }) {}

NoticeHub::~NoticeHub() {
    shutdown();
    if (m_watcher.joinable()) m_watcher.join();
}

std::int64_t NoticeHub::generation() const {
    std::lock_guard lock(m_mutex);
    return m_generation;
}

bool NoticeHub::waitForChange(std::int64_t seen, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    ++m_waiters;
    m_parked.notify_all();
    // Seen from outside the process (`serve -v`): a test waits for this line, not a sleep.
    spdlog::debug("notice long-poll parked ({} waiting)", m_waiters);
    m_changed.wait_until(lock, deadline, [&] { return m_stopping || m_generation != seen; });
    --m_waiters;
    m_parked.notify_all();
    return !m_stopping && m_generation != seen;
}

int NoticeHub::waiters() const {
    std::lock_guard lock(m_mutex);
    return m_waiters;
}

bool NoticeHub::waitForWaiters(int count, std::chrono::steady_clock::time_point deadline) const {
    std::unique_lock lock(m_mutex);
    return m_parked.wait_until(lock, deadline, [&] { return m_waiters >= count; });
}

void NoticeHub::notify() {
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
    }
    m_changed.notify_all();
    wake();
}

void NoticeHub::shutdown() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    wake();
}

bool NoticeHub::stopping() const {
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

void NoticeHub::setWakeHook(WakeHook hook) {
    std::lock_guard lock(m_hookMutex);
    m_hook = std::move(hook);
}

void NoticeHub::parked(int delta) {
    int waiting = 0;
    {
        std::lock_guard lock(m_mutex);
        m_waiters += delta;
        waiting = m_waiters;
    }
    m_parked.notify_all();
    // The same line as a poll parked in waitForChange: the process test waits for it.
    if (delta > 0) spdlog::debug("notice long-poll parked ({} waiting)", waiting);
}

void NoticeHub::wake() {
    std::lock_guard lock(m_hookMutex);
    if (m_hook) m_hook();
}

void NoticeHub::watch() {
    try {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            lock.unlock();
            auto sequence = m_store.noticeSequence();
            auto revoked = m_store.revokedCount();
            lock.lock();
            bool moved = false;
            if (sequence && sequence.value() != m_lastSequence) {
                m_lastSequence = sequence.value();
                moved = true;
            } else if (!sequence) {
                spdlog::warn("notice watcher: {}", sequence.error().message);
            }
            // A revocation wakes every poll too: each asks the API again, which answers the
            // revoked terminal 401 and parks the others anew.
            if (revoked && revoked.value() != m_lastRevoked) {
                moved = moved || m_lastRevoked >= 0;
                m_lastRevoked = revoked.value();
            }
            if (moved) {
                ++m_generation;
                m_changed.notify_all();
                lock.unlock();
                wake();
                lock.lock();
            }
            m_changed.wait_for(lock, m_interval, [&] { return m_stopping; });
        }
    } catch (const std::exception& e) {
        spdlog::error("notice watcher stopped: {}", e.what());
    } catch (...) {
        spdlog::error("notice watcher stopped");
    }
}

}  // namespace homedesk::hq
