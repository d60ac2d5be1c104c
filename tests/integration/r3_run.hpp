// R3 (quality.md): the head office is down for 24 hours on a simulated clock while the terminal
// holds 100,000 queued items; then it returns. The real terminal store (SQLite file on disk), the
// real sync engine and the real head office over TLS on loopback. The run checks that every item
// arrives, in queue order, none twice, and that a resident filing requests the whole time was
// never kept waiting. Used by a CTest case (small count) and `homedesk-r3` (full count).
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace homedesk::testing {

struct R3Options {
    int items = 100'000;        // queued during the outage
    int outage_hours = 24;      // simulated
    int speedup = 10'000;  // simulated seconds per real second (the engine's timings scale too)
    int resident_every_ms = 50;  // a resident files a request this often, outage and drain alike
    std::chrono::seconds drain_limit{1800};
    // Where the queue is built before the run (tmpfs makes 100,000 durable commits quick); the
    // run itself uses a copy on disk. Empty: build it in place.
    std::string fill_dir = "/dev/shm";
};

struct LatencyFigures {
    int count = 0;
    int failed = 0;
    double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

struct R3Figures {
    int filled = 0;              // items queued before the run (the day's requests)
    int queued = 0;              // items queued when the office returned (filled + the resident's)
    std::int64_t seen_depth = 0;  // the largest queue depth the engine reported during the outage
    bool outage_reported = false;  // the engine said in plain words that the office is unreachable
    int refused_attempts = 0;     // sends that met the closed port during the outage
    int office_rows = 0;         // submissions from this terminal at the office
    int lost = 0;                // filed on the terminal, not at the office
    int duplicates = 0;          // rows or tickets beyond one per item
    int out_of_order = 0;        // items that arrived before one queued ahead of them
    int not_delivered = 0;       // tickets on the terminal without delivery or number
    bool drained = false;
    double fill_s = 0, outage_s = 0, drain_s = 0;
    LatencyFigures outage, drain;  // the resident's submissions during each phase
    bool passed() const;
};

R3Figures runR3(const R3Options& options);
void print(std::ostream& out, const R3Options& options, const R3Figures& f);

}  // namespace homedesk::testing
