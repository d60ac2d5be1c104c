#include "kiosk/core/idle_session.hpp"

namespace homedesk {

void IdleSession::touch(TimePoint now) {
    m_lastTouch = now;
    m_phase = Phase::Active;
}

bool IdleSession::update(TimePoint now) {
    if (m_phase == Phase::Idle) return false;
    const auto quiet = now - m_lastTouch;
    if (quiet >= m_idleAfter + m_promptFor) {
        m_phase = Phase::Idle;
        return true;
    }
    m_phase = quiet >= m_idleAfter ? Phase::Prompting : Phase::Active;
    return false;
}

int IdleSession::secondsLeft(TimePoint now) const {
    if (m_phase != Phase::Prompting) return 0;
    const auto end = m_lastTouch + m_idleAfter + m_promptFor;
    if (now >= end) return 0;
    const auto left = std::chrono::duration_cast<Duration>(end - now).count();
    return static_cast<int>((left + 999) / 1000);
}

std::optional<TimePoint> IdleSession::nextDeadline(TimePoint now) const {
    switch (m_phase) {
        case Phase::Idle:
            return std::nullopt;
        case Phase::Active:
            return m_lastTouch + m_idleAfter;
        case Phase::Prompting: {
            // Wake for each change of the visible countdown and for expiry itself.
            const auto end = m_lastTouch + m_idleAfter + m_promptFor;
            const auto left = std::chrono::duration_cast<Duration>(end - now);
            const auto toNextSecond = Duration(left.count() % 1000 == 0 ? 1000 : left.count() % 1000);
            return left.count() <= 0 ? now : now + toNextSecond;
        }
    }
    return std::nullopt;
}

}  // namespace homedesk
