// The keyboard-wedge detector with timed key sequences on a fake clock: a scanner's burst, a
// fast typist, a pause mid-burst, a short burst.
#include <catch2/catch.hpp>

#include <string>

#include "platform/scan/wedge_detector.hpp"

using homedesk::platform::WedgeDetector;

namespace {

// Types `text` one character every `gapMs` from `start`, then Enter `gapMs` later; collects
// what the detector hands on, ticking the fake clock as the app would between keys.
struct Run {
    std::string scanned, typed;
    int enters = 0;
    std::int64_t now = 0;
};

void collect(Run& r, WedgeDetector::Out out) {
    if (out.scanned) r.scanned += *out.scanned;
    r.typed += out.typed;
    r.enters += out.enter;
}

Run play(WedgeDetector& d, const std::string& text, std::int64_t gapMs, std::int64_t start = 1000) {
    Run r;
    r.now = start;
    for (char c : text) {
        collect(r, d.tick(r.now));
        collect(r, d.key(std::string(1, c), r.now));
        r.now += gapMs;
    }
    collect(r, d.enter(r.now));
    return r;
}

}  // namespace

TEST_CASE("a scanner's burst ending in Enter is a scan, and nothing is typed", "[scan][wedge]") {
    WedgeDetector d;
    Run r = play(d, "https://hq.example.cn/t/12345678", 3);
    CHECK(r.scanned == "https://hq.example.cn/t/12345678");
    CHECK(r.typed.empty());
    CHECK(r.enters == 0);
    CHECK_FALSE(d.deadline());
}

TEST_CASE("a fast typist is typing, not scanning", "[scan][wedge]") {
    WedgeDetector d;
    Run r = play(d, "13800138000", 90);  // ~130 words a minute
    CHECK_FALSE(r.scanned.size());
    CHECK(r.typed == "13800138000");
    CHECK(r.enters == 1);
}

TEST_CASE("a typist's rolled keys are released after the pause, in order", "[scan][wedge]") {
    WedgeDetector d;
    Run r;
    collect(r, d.key("a", 0));
    collect(r, d.key("b", 12));  // two keys rolled together
    CHECK(r.typed.empty());      // held back while it might be a scan
    REQUIRE(d.deadline());
    CHECK(*d.deadline() == 12 + WedgeDetector::kMaxGapMs + 1);
    collect(r, d.tick(*d.deadline()));
    CHECK(r.typed == "ab");
    collect(r, d.key("c", 300));
    collect(r, d.enter(310));  // a short burst with Enter: still a person
    CHECK(r.typed == "abc");
    CHECK(r.enters == 1);
    CHECK(r.scanned.empty());
}

TEST_CASE("a burst that pauses before Enter is typing", "[scan][wedge]") {
    WedgeDetector d;
    Run r;
    std::int64_t t = 0;
    for (char c : std::string("ABCDEFGH")) collect(r, d.key(std::string(1, c), t += 4));
    collect(r, d.enter(t + 200));
    CHECK(r.scanned.empty());
    CHECK(r.typed == "ABCDEFGH");
    CHECK(r.enters == 1);
}

TEST_CASE("a scanner's keys batched into one text event are still a burst", "[scan][wedge]") {
    WedgeDetector d;
    Run r;
    collect(r, d.key("HD1.sv.AAAA", 100));
    collect(r, d.key(".BBBB", 101));
    collect(r, d.enter(103));
    CHECK(r.scanned == "HD1.sv.AAAA.BBBB");
    CHECK(r.typed.empty());
}

TEST_CASE("two scans in a row are two codes", "[scan][wedge]") {
    WedgeDetector d;
    Run a = play(d, "HD1.sb.AAAA.BBBB", 2, 0);
    Run b = play(d, "HD1.hc.CCCC.DDDD", 2, 5000);
    CHECK(a.scanned == "HD1.sb.AAAA.BBBB");
    CHECK(b.scanned == "HD1.hc.CCCC.DDDD");
    CHECK(a.typed.empty());
    CHECK(b.typed.empty());
}
