#include "tests/integration/fault_schedule.hpp"

#include <algorithm>

namespace homedesk::testing {

std::string_view faultName(Fault f) {
    switch (f) {
        case Fault::None: return "none";
        case Fault::Delay: return "delay";
        case Fault::Reset: return "reset";
        case Fault::Unavailable: return "503";
        case Fault::CommittedLost: return "committed_lost";
        case Fault::LostMidAnswer: return "lost_mid_answer";
        case Fault::Truncated: return "truncated";
        case Fault::ServerError: return "500_after_commit";
        case Fault::Stall: return "stall";
        case Fault::Count: break;
    }
    return "?";
}

bool answerLost(Fault f) { return f == Fault::CommittedLost || f == Fault::LostMidAnswer; }

FaultSchedule::FaultSchedule(FaultCounts quotas, std::uint64_t seed, double rate)
    : m_left(quotas), m_random(seed), m_rate(rate) {
    m_left[static_cast<std::size_t>(Fault::None)] = 0;
}

Fault FaultSchedule::next() {
    std::lock_guard lock(m_mutex);
    int left = 0;
    for (int n : m_left) left += n;
    Fault pick = Fault::None;
    if (left > 0 && std::uniform_real_distribution<double>(0, 1)(m_random) < m_rate) {
        int at = std::uniform_int_distribution<int>(0, left - 1)(m_random);
        for (std::size_t k = 0; k < kFaultKinds; ++k) {
            if (at < m_left[k]) {
                pick = static_cast<Fault>(k);
                break;
            }
            at -= m_left[k];
        }
    }
    if (pick != Fault::None) --m_left[static_cast<std::size_t>(pick)];
    ++m_injected[static_cast<std::size_t>(pick)];
    return pick;
}

bool FaultSchedule::exhausted() const {
    std::lock_guard lock(m_mutex);
    return std::all_of(m_left.begin(), m_left.end(), [](int n) { return n == 0; });
}

FaultCounts FaultSchedule::injected() const {
    std::lock_guard lock(m_mutex);
    return m_injected;
}

FaultCounts FaultSchedule::r2Quotas(int committedLost) {
    FaultCounts q{};
    auto set = [&](Fault f, int n) { q[static_cast<std::size_t>(f)] = std::max(1, n); };
    set(Fault::CommittedLost, committedLost - committedLost / 2);
    set(Fault::LostMidAnswer, committedLost / 2);
    set(Fault::Delay, committedLost / 5);
    set(Fault::Reset, committedLost / 5);
    set(Fault::Unavailable, committedLost / 10);
    set(Fault::ServerError, committedLost / 10);
    set(Fault::Truncated, committedLost / 5);
    set(Fault::Stall, committedLost / 25);  // each costs the client's low-speed time
    return q;
}

}  // namespace homedesk::testing
