// When a resident walks away: after `idleAfter` without a touch a "still there?" prompt shows
// for `promptFor`; one tap continues, otherwise the session expires and is wiped. Time is
// passed in, so tests move it by hand.
#pragma once

#include <chrono>
#include <optional>

namespace homedesk {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using Duration = std::chrono::milliseconds;

class IdleSession {
public:
    enum class Phase { Idle, Active, Prompting };

    IdleSession(Duration idleAfter, Duration promptFor)
        : m_idleAfter(idleAfter), m_promptFor(promptFor) {}

    // Any input: starts a session, or keeps it (and dismisses the prompt).
    void touch(TimePoint now);

    // Advances the clock. Returns true exactly once when the session expires; the caller
    // wipes everything the resident left behind. Afterwards the phase is Idle.
    bool update(TimePoint now);

    Phase phase() const { return m_phase; }
    bool prompting() const { return m_phase == Phase::Prompting; }

    // Whole seconds left on the prompt's countdown, rounded up (20, 19, ... 1).
    int secondsLeft(TimePoint now) const;

    // When update() next needs to run: the prompt, the next countdown second, or expiry.
    std::optional<TimePoint> nextDeadline(TimePoint now) const;

    // Ends the session at once (the resident pressed Home on an empty session, or a wipe).
    void reset() { m_phase = Phase::Idle; }

private:
    Duration m_idleAfter;
    Duration m_promptFor;
    Phase m_phase = Phase::Idle;
    TimePoint m_lastTouch{};
};

}  // namespace homedesk
