// The fault proxy's seeded random schedule: each submission request draws "no fault" or one
// fault kind whose quota is not used up, weighted by what is left, so a run injects exactly
// the quotas in an order fixed by the seed (and by the order requests arrive).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <random>
#include <string_view>

namespace homedesk::testing {

enum class Fault {
    None,
    Delay,              // held 20-300 ms, then forwarded normally
    Reset,              // TCP reset before forwarding: the office never saw it
    Unavailable,        // 503 from the proxy, not forwarded
    CommittedLost,      // forwarded, the office committed, reset before any answer byte
    LostMidAnswer,      // forwarded, committed, reset after part of the answer
    Truncated,          // forwarded, committed, the answer cut short then a clean close
    ServerError,        // forwarded, committed, the client gets a 500 instead of the answer
    Stall,              // forwarded, committed, part of the answer then silence until the
                        // client's low-speed timeout gives up
    Count
};
constexpr std::size_t kFaultKinds = static_cast<std::size_t>(Fault::Count);
std::string_view faultName(Fault f);
// True for the faults where the office committed and the terminal never got its answer.
bool answerLost(Fault f);

using FaultCounts = std::array<int, kFaultKinds>;

class FaultSchedule {
public:
    // `rate`: the chance that a request draws a fault while quotas remain.
    FaultSchedule(FaultCounts quotas, std::uint64_t seed, double rate = 0.6);
    Fault next();
    bool exhausted() const;
    FaultCounts injected() const;
    // Quotas for R2 from the number of "committed, answer lost" faults wanted.
    static FaultCounts r2Quotas(int committedLost);

private:
    mutable std::mutex m_mutex;
    FaultCounts m_left{}, m_injected{};
    std::mt19937_64 m_random;
    double m_rate;
};

}  // namespace homedesk::testing
