#include "platform/scan/wedge_detector.hpp"

namespace homedesk::platform {

WedgeDetector::Out WedgeDetector::tick(std::int64_t ms) {
    Out out;
    if (!m_times.empty() && ms - m_times.back() > kMaxGapMs) {
        out.typed = std::move(m_held);
        m_held.clear();
        m_times.clear();
    }
    return out;
}

WedgeDetector::Out WedgeDetector::key(std::string_view text, std::int64_t ms) {
    Out out = tick(ms);
    m_held += text;
    // One time per character: an event may carry several (SDL batches a fast scanner's keys).
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) m_times.push_back(ms);
    return out;
}

WedgeDetector::Out WedgeDetector::enter(std::int64_t ms) {
    Out out = tick(ms);
    const std::size_t n = m_times.size();
    const bool fast =
        n >= kMinLength && (m_times.back() - m_times.front()) <= kMeanGapMs * std::int64_t(n - 1);
    if (fast) {
        out.scanned = std::move(m_held);
    } else {
        out.typed += m_held;
        out.enter = true;
    }
    m_held.clear();
    m_times.clear();
    return out;
}

std::optional<std::int64_t> WedgeDetector::deadline() const {
    if (m_times.empty()) return std::nullopt;
    return m_times.back() + kMaxGapMs + 1;
}

}  // namespace homedesk::platform
