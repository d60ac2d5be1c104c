// Wakes long-polling notice requests. A watcher thread reads the store's notice sequence and its
// count of revoked terminals a few times a second, so a notice published (or a terminal revoked)
// by any process (CLI, console, API) reaches waiting terminals at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace homedesk::hq {

class HqStore;

class NoticeHub {
public:
    NoticeHub(HqStore& store, std::chrono::milliseconds interval);
    ~NoticeHub();  // stops the watcher and releases every waiter

    std::int64_t generation() const;
    // Returns true when the generation moved past `seen` before `deadline`; false on timeout
    // or shutdown.
    bool waitForChange(std::int64_t seen, std::chrono::steady_clock::time_point deadline);
    void notify();  // after an in-process change, to skip the watcher's delay
    void shutdown();
    bool stopping() const;

    // The event-driven server's wake: called (outside the hub's lock, on the thread that moved
    // the generation) after every change and at shutdown. One hook; an empty one removes it.
    using WakeHook = std::function<void()>;
    void setWakeHook(WakeHook hook);
    // Long-polls parked outside waitForChange (by the server) count as waiters too.
    void parked(int delta);

    // How many requests are parked in waitForChange now; waitForWaiters returns once at least
    // `count` are (true) or at `deadline` (false). The real signal a test waits on for "the
    // long-poll is parked", instead of a sleep.
    int waiters() const;
    bool waitForWaiters(int count, std::chrono::steady_clock::time_point deadline) const;

private:
    void watch();
    void wake();

    HqStore& m_store;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    mutable std::condition_variable m_parked;  // a waiter came or went
    int m_waiters = 0;
    std::int64_t m_generation = 0;
    std::int64_t m_lastSequence = -1;
    std::int64_t m_lastRevoked = -1;
    std::mutex m_hookMutex;  // held while the hook runs, so removing it waits for a running call
    WakeHook m_hook;
    bool m_stopping = false;
    std::thread m_watcher;
};

}  // namespace homedesk::hq
