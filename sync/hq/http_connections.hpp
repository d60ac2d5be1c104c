// Open connections counted per client address and in total: the listener refuses one beyond
// ServerLimits' caps before any TLS work is spent on it.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace homedesk::hq {

class ConnectionCounter {
public:
    ConnectionCounter(int perAddress, int total) : m_perAddress(perAddress), m_total(total) {}
    bool tryAdd(const std::string& address);  // false: over a cap, nothing counted
    void remove(const std::string& address);
    int total() const;

private:
    int m_perAddress, m_total;
    mutable std::mutex m_mutex;
    int m_open = 0;
    std::unordered_map<std::string, int> m_byAddress;
};

}  // namespace homedesk::hq
