// Service promises as numbers (docs/console.md, SLA): how long each kind of ticket may take to
// be answered and resolved, when to warn, when to escalate. Loaded from [sla] in the head
// office's configuration; these defaults are the estate's published promises.
#pragma once

#include <cstdint>

namespace homedesk::hq {

struct SlaPolicy {
    std::int64_t urgent_repair_response_s = 30 * 60;        // dispatched
    std::int64_t urgent_repair_resolve_s = 24 * 3600;
    std::int64_t repair_response_s = 24 * 3600;             // dispatched (arranged)
    std::int64_t repair_resolve_s = 48 * 3600;
    std::int64_t complaint_response_s = 24 * 3600;          // accepted (answered)
    std::int64_t complaint_resolve_s = 48 * 3600;
    std::int64_t followup_response_s = 24 * 3600;
    std::int64_t followup_resolve_s = 48 * 3600;
    std::int64_t callback_s = 24 * 3600;                     // after resolved
    double warn_share = 0.75;
    std::int64_t escalate_gm_after_s = 120 * 60;             // level 2 this long after level 1
};

}  // namespace homedesk::hq
