#include <catch2/catch.hpp>

#include "kiosk/core/idle_session.hpp"

using namespace homedesk;
using namespace std::chrono_literals;

TEST_CASE("an untouched terminal has no session to end", "[core][session]") {
    IdleSession s(60s, 20s);
    const TimePoint t0{};
    CHECK_FALSE(s.update(t0 + 1h));
    CHECK(s.phase() == IdleSession::Phase::Idle);
    CHECK_FALSE(s.nextDeadline(t0).has_value());
}

TEST_CASE("after the idle time the prompt counts down, then the session ends once", "[core][session]") {
    IdleSession s(60s, 20s);
    const TimePoint t0{};
    s.touch(t0);
    CHECK(s.nextDeadline(t0) == t0 + 60s);
    CHECK_FALSE(s.update(t0 + 59s));
    CHECK(s.phase() == IdleSession::Phase::Active);

    CHECK_FALSE(s.update(t0 + 60s));
    CHECK(s.prompting());
    CHECK(s.secondsLeft(t0 + 60s) == 20);
    CHECK(s.secondsLeft(t0 + 60s + 500ms) == 20);
    CHECK(s.secondsLeft(t0 + 61s) == 19);
    CHECK(s.secondsLeft(t0 + 79s + 1ms) == 1);
    // The loop wakes for every change of the visible countdown.
    CHECK(s.nextDeadline(t0 + 60s + 300ms) == t0 + 61s);

    CHECK(s.update(t0 + 80s));
    CHECK(s.phase() == IdleSession::Phase::Idle);
    CHECK_FALSE(s.update(t0 + 81s));  // only once
}

TEST_CASE("a touch during the session restarts the idle time", "[core][session]") {
    IdleSession s(60s, 20s);
    const TimePoint t0{};
    s.touch(t0);
    s.touch(t0 + 50s);
    CHECK_FALSE(s.update(t0 + 100s));
    CHECK(s.phase() == IdleSession::Phase::Active);
    CHECK(s.update(t0 + 130s));
}

TEST_CASE("answering the prompt continues the session", "[core][session]") {
    IdleSession s(60s, 20s);
    const TimePoint t0{};
    s.touch(t0);
    s.update(t0 + 70s);
    REQUIRE(s.prompting());
    s.touch(t0 + 75s);
    CHECK_FALSE(s.update(t0 + 76s));
    CHECK_FALSE(s.prompting());
    CHECK(s.nextDeadline(t0 + 76s) == t0 + 135s);
}

TEST_CASE("a late wake-up still ends the session", "[core][session]") {
    IdleSession s(60s, 20s);
    const TimePoint t0{};
    s.touch(t0);
    CHECK(s.update(t0 + 10min));  // the machine slept past both deadlines
}

TEST_CASE("reset ends the session without a wipe signal", "[core][session]") {
    IdleSession s(1s, 1s);
    const TimePoint t0{};
    s.touch(t0);
    s.reset();
    CHECK_FALSE(s.update(t0 + 5s));
}
