#include "sync/client/backoff.hpp"

#include <algorithm>

namespace homedesk::sync {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed)
    : m_base(base), m_cap(cap), m_random(seed) {}

std::chrono::milliseconds Backoff::ceiling() const {
    const int shift = std::min(m_failures, 30);  // 2^30 * base is past any sane cap
    const auto grown = m_base.count() * (std::int64_t{1} << shift);
    return std::chrono::milliseconds(std::min<std::int64_t>(grown, m_cap.count()));
}

std::chrono::milliseconds Backoff::next() {
    const auto upper = ceiling().count();
    ++m_failures;
    std::uniform_int_distribution<std::int64_t> pick(0, upper);
    return std::chrono::milliseconds(pick(m_random));
}

}  // namespace homedesk::sync
