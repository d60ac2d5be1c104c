#include "sync/hq/http_connections.hpp"

namespace homedesk::hq {

bool ConnectionCounter::tryAdd(const std::string& address) {
    std::lock_guard lock(m_mutex);
    if (m_open >= m_total) return false;
    int& mine = m_byAddress[address];
    if (mine >= m_perAddress) return false;
    ++mine;
    ++m_open;
    return true;
}

void ConnectionCounter::remove(const std::string& address) {
    std::lock_guard lock(m_mutex);
    auto it = m_byAddress.find(address);
    if (it == m_byAddress.end()) return;
    if (--it->second <= 0) m_byAddress.erase(it);
    --m_open;
}

int ConnectionCounter::total() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

}  // namespace homedesk::hq
