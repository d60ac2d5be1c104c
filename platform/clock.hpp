// Time at the platform edge: a steady clock for timers and the wall clock for the header.
// The fake one is moved by hand in tests and frozen for reproducible screenshots.
#pragma once

#include <chrono>
#include <ctime>

namespace homedesk::platform {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::steady_clock::time_point now() const = 0;
    virtual std::tm localTime() const = 0;
};

class SystemClock final : public Clock {
public:
    std::chrono::steady_clock::time_point now() const override {
        return std::chrono::steady_clock::now();
    }
    std::tm localTime() const override {
        const std::time_t t = std::time(nullptr);
        std::tm out{};
        localtime_r(&t, &out);
        return out;
    }
};

// Steady time runs for real (timers must fire), the wall clock shows a fixed moment.
class FixedWallClock final : public Clock {
public:
    explicit FixedWallClock(std::tm wall) : m_wall(wall) {}
    std::chrono::steady_clock::time_point now() const override {
        return std::chrono::steady_clock::now();
    }
    std::tm localTime() const override { return m_wall; }

private:
    std::tm m_wall;
};

}  // namespace homedesk::platform
