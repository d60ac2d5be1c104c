// The long-polls the HTTPS server holds: each a small entry with a wake callback, woken by the
// notice hub's hook (a notice, a revocation, shutdown) without a thread per waiter. At most
// `perTerminal` are parked for one terminal; parking one more wakes that terminal's oldest.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace homedesk::hq {

class NoticeHub;

enum class PollWake {
    Changed,   // the hub moved: ask the API again (it may answer, or park anew)
    Evicted,   // the terminal parked more than its share: answer this one now
    Stopping,  // the server or the hub is stopping: answer now
};

class ParkedPolls {
public:
    // Called at most once, on any thread; it must only hand the news on (post to an executor).
    using Wake = std::function<void(PollWake)>;

    ParkedPolls(NoticeHub& hub, int perTerminal);
    ~ParkedPolls();  // removes the hub's hook
    ParkedPolls(const ParkedPolls&) = delete;
    ParkedPolls& operator=(const ParkedPolls&) = delete;

    // Parks until the hub's generation moves from `generation` (at once if it already has).
    std::uint64_t park(const std::string& terminalId, std::int64_t generation, Wake wake);
    // The poll ended by itself (its deadline, its connection): forget it without waking it.
    void unpark(std::uint64_t id);
    void stopAll();  // wakes every poll with Stopping, and any parked later
    std::size_t size() const;

private:
    struct Entry {
        std::string terminalId;
        std::int64_t generation;
        Wake wake;
    };
    void onHubChange();
    // Under m_mutex: removes the entry and hands back its callback.
    Wake take(std::map<std::uint64_t, Entry>::iterator it);

    NoticeHub& m_hub;
    int m_perTerminal;
    mutable std::mutex m_mutex;
    std::uint64_t m_nextId = 1;
    bool m_stopping = false;
    std::map<std::uint64_t, Entry> m_entries;  // by id: oldest first
    std::unordered_map<std::string, std::vector<std::uint64_t>> m_byTerminal;
};

}  // namespace homedesk::hq
