// Full-jitter exponential backoff: the n-th consecutive failure waits a uniform random time in
// [0, min(cap, base * 2^n)], so a fleet coming back after an outage does not retry in step.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace homedesk::sync {

class Backoff {
public:
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed);

    std::chrono::milliseconds next();  // after a failure
    void reset() { m_failures = 0; }   // after a success
    int failures() const { return m_failures; }
    std::chrono::milliseconds ceiling() const;  // the current upper bound

private:
    std::chrono::milliseconds m_base, m_cap;
    int m_failures = 0;
    std::mt19937_64 m_random;
};

}  // namespace homedesk::sync
