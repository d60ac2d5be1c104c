// R2 (quality.md): terminals' real SyncEngines send through the fault proxy to the real head
// office over real TLS until the seeded schedule has injected every quota ("committed, answer
// lost" plus resets, stalls, truncated answers, 5xx, delays); then the queues drain and the run
// checks, at the office and at the proxy: nothing lost, nothing twice, every retry with the same
// idempotency key. Used by the CTest case (small count) and `homedesk-r2 --faults 500`.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>

#include "tests/integration/fault_proxy.hpp"

namespace homedesk::testing {

struct R2Options {
    int committed_lost = 500;  // "committed, answer lost" faults; the other kinds scale with it
    std::uint64_t seed = 20261123;
    int terminals = 4;
    int batch = 5;
    std::chrono::seconds drain_limit{300};
    // Self-test: terminals that give each resent item a new key (KeyBreakingTransport); the run
    // must then report duplicates and changed keys.
    bool break_keys = false;
};

struct R2Figures {
    FaultCounts injected{};
    ProxyCounters proxy;
    int items = 0;          // queued on the terminals
    int accepted = 0;       // stored at the office with the terminal's content
    int lost = 0;           // queued but not at the office (or with other content)
    int duplicates = 0;     // extra tickets or rows at the office
    int key_changes = 0;    // one item's content seen under two client ids, or the reverse
    int not_delivered = 0;  // left in a terminal's queue, parked, or with a wrong ticket number
    int resent_items = 0;   // item sends beyond the first (retries), as the proxy saw them
    bool drained = false;
    double wall_s = 0;
    int answerLostFaults() const;
    bool passed() const;
};

R2Figures runR2(const R2Options& options);
void print(std::ostream& out, const R2Options& options, const R2Figures& f);

}  // namespace homedesk::testing
