#include "sync/hq/address_throttle.hpp"

#include <iterator>

namespace homedesk::hq {

AddressThrottle::AddressThrottle(std::size_t limit, std::int64_t window_s)
    : m_limit(limit), m_window_s(window_s) {}

std::deque<std::int64_t>& AddressThrottle::recent(const std::string& address, std::int64_t now) {
    // Forget quiet addresses now and then so the map stays small under a scan.
    if (m_events.size() > 10000)
        for (auto it = m_events.begin(); it != m_events.end();)
            it = (it->second.empty() || now - it->second.back() >= m_window_s) ? m_events.erase(it)
                                                                               : std::next(it);
    auto& times = m_events[address];
    while (!times.empty() && now - times.front() >= m_window_s) times.pop_front();
    return times;
}

std::int64_t AddressThrottle::wait(const std::string& address, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    const auto& times = recent(address, now);
    if (times.size() < m_limit) return 0;
    return times[times.size() - m_limit] + m_window_s - now;
}

void AddressThrottle::count(const std::string& address, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    recent(address, now).push_back(now);
}

bool AddressThrottle::tryCount(const std::string& address, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    auto& times = recent(address, now);
    if (times.size() >= m_limit) return false;
    times.push_back(now);
    return true;
}

}  // namespace homedesk::hq
