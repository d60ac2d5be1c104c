#include "sync/protocol/replay_guard.hpp"

namespace homedesk::protocol {

ReplayGuard::Outcome ReplayGuard::use(const std::string& id, std::int64_t expiresAt,
                                      std::int64_t now) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_used.find(id); it != m_used.end() && it->second > now) return Outcome::Replayed;
    if (m_used.size() >= m_capacity) forgetExpired(now);
    if (m_used.size() >= m_capacity) return Outcome::Full;
    m_used[id] = expiresAt;
    return Outcome::First;
}

std::size_t ReplayGuard::size() const {
    std::lock_guard lock(m_mutex);
    return m_used.size();
}

void ReplayGuard::forgetExpired(std::int64_t now) {
    for (auto it = m_used.begin(); it != m_used.end();)
        it = it->second <= now ? m_used.erase(it) : std::next(it);
}

}  // namespace homedesk::protocol
