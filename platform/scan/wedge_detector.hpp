// Tells a keyboard-wedge barcode scanner from a person typing: a scanner types its whole code
// in a burst (a few ms a character) and ends it with Enter. Typed characters are held back for
// at most kMaxGapMs; a burst ended by Enter is a scan, anything slower is released as typing.
// Pure logic on given times (ms, monotonic) so tests drive it with a fake clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homedesk::platform {

class WedgeDetector {
public:
    static constexpr std::int64_t kMaxGapMs = 40;   // slower than this between keys: a person
    static constexpr std::int64_t kMeanGapMs = 20;  // a scan's keys come this fast on average
    static constexpr std::size_t kMinLength = 6;    // shorter bursts are a person's key roll

    struct Out {
        std::optional<std::string> scanned;  // a whole code from a scanner
        std::string typed;                   // characters to hand on as typing, in order
        bool enter = false;                  // an Enter that was a person's (hand it on too)
    };

    Out key(std::string_view text, std::int64_t ms);  // characters (UTF-8) typed at `ms`
    Out enter(std::int64_t ms);
    Out tick(std::int64_t ms);                         // time passed: release a paused burst
    std::optional<std::int64_t> deadline() const;      // when tick() has something to do

private:
    std::string m_held;
    std::vector<std::int64_t> m_times;
};

}  // namespace homedesk::platform
