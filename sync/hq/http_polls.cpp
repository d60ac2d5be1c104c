#include "sync/hq/http_polls.hpp"

#include <algorithm>

#include "sync/hq/notice_hub.hpp"

namespace homedesk::hq {

ParkedPolls::ParkedPolls(NoticeHub& hub, int perTerminal)
    : m_hub(hub), m_perTerminal(std::max(1, perTerminal)) {
    m_hub.setWakeHook([this] { onHubChange(); });
}

ParkedPolls::~ParkedPolls() {
    m_hub.setWakeHook({});
    std::lock_guard lock(m_mutex);
    m_hub.parked(-static_cast<int>(m_entries.size()));
}

ParkedPolls::Wake ParkedPolls::take(std::map<std::uint64_t, Entry>::iterator it) {
    auto& ids = m_byTerminal[it->second.terminalId];
    ids.erase(std::remove(ids.begin(), ids.end(), it->first), ids.end());
    if (ids.empty()) m_byTerminal.erase(it->second.terminalId);
    Wake wake = std::move(it->second.wake);
    m_entries.erase(it);
    m_hub.parked(-1);
    return wake;
}

std::uint64_t ParkedPolls::park(const std::string& terminalId, std::int64_t generation,
                                Wake wake) {
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_nextId++;
    // Checked under m_mutex, which the hub's hook also takes: a move between the API's read of
    // the generation and this point is seen here, a later one reaches onHubChange.
    if (m_stopping || m_hub.stopping()) {
        wake(PollWake::Stopping);
        return id;
    }
    if (m_hub.generation() != generation) {
        wake(PollWake::Changed);
        return id;
    }
    auto& ids = m_byTerminal[terminalId];
    if (static_cast<int>(ids.size()) >= m_perTerminal) {
        auto oldest = m_entries.find(ids.front());
        if (oldest != m_entries.end()) take(oldest)(PollWake::Evicted);
    }
    m_entries.emplace(id, Entry{terminalId, generation, std::move(wake)});
    m_byTerminal[terminalId].push_back(id);
    m_hub.parked(1);
    return id;
}

void ParkedPolls::unpark(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(id);
    if (it != m_entries.end()) take(it);
}

void ParkedPolls::stopAll() {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    while (!m_entries.empty()) take(m_entries.begin())(PollWake::Stopping);
}

std::size_t ParkedPolls::size() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void ParkedPolls::onHubChange() {
    std::lock_guard lock(m_mutex);
    const bool stopping = m_hub.stopping();
    const std::int64_t generation = m_hub.generation();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        auto next = std::next(it);
        if (stopping) take(it)(PollWake::Stopping);
        else if (it->second.generation != generation) take(it)(PollWake::Changed);
        it = next;
    }
}

}  // namespace homedesk::hq
