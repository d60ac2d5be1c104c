// Tickets as staff work them (docs/console.md, Tickets and SLA): the inbox, one ticket with its
// notes and events, the workflow's actions with who may take them, and the SLA sweep that writes
// escalations. No HTTP and no JSON here; the console's ticket routes (console_tickets.cpp) call
// it, and so do tests with a controlled clock.
//
// Sketch agreed between the console and the desk; the desk owns and completes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/hq/console/console_types.hpp"
#include "sync/hq/desk/sla.hpp"

namespace homedesk::hq {

class HqStore;

class TicketDesk {
public:
    TicketDesk(HqStore& store, SlaPolicy policy);

    const SlaPolicy& policy() const { return m_policy; }

    // Writes the escalations that are due at `now` (each once, also across restarts); returns
    // how many it wrote. The server calls it at start and every 30 s.
    Result<int> sweep(std::int64_t now);

private:
    HqStore& m_store;
    SlaPolicy m_policy;
};

}  // namespace homedesk::hq
