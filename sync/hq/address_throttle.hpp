// Counts events per client address over a sliding window (sign-in attempts, wrong enrollment
// codes) so that one address cannot guess its way in. In memory: a restart forgets, which costs
// an attacker one window at most. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace homedesk::hq {

class AddressThrottle {
public:
    AddressThrottle(std::size_t limit, std::int64_t window_s);

    // Seconds until `address` may try again (0: it may now).
    std::int64_t wait(const std::string& address, std::int64_t now);
    // Counts one event for `address`.
    void count(const std::string& address, std::int64_t now);
    // Both at once: false (and nothing counted) when the address is over its limit.
    bool tryCount(const std::string& address, std::int64_t now);

private:
    std::deque<std::int64_t>& recent(const std::string& address, std::int64_t now);

    std::size_t m_limit;
    std::int64_t m_window_s;
    std::mutex m_mutex;
    std::map<std::string, std::deque<std::int64_t>> m_events;  // address -> event times
};

}  // namespace homedesk::hq
