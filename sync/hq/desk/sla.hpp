// Service promises as numbers (docs/console.md, SLA): how long each kind of ticket may take to
// be answered and resolved, when to warn, when to escalate; and the pure functions that turn a
// ticket's stored times into deadlines, clock states and due escalations (no clock of their own,
// no database, so they test alone and a restart changes nothing).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sync/protocol/ticket_status.hpp"

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

enum class SlaClass { UrgentRepair, Repair, Complaint, FollowUp };

// kind: repair | complaint | followup; urgency: urgent | normal (anything else is normal).
SlaClass slaClassOf(std::string_view kind, std::string_view urgency);
std::int64_t responseAllowed(const SlaPolicy& policy, SlaClass c);
std::int64_t resolveAllowed(const SlaPolicy& policy, SlaClass c);
// The status whose reaching keeps the response promise: dispatched for repairs, accepted else.
protocol::TicketState responseMilestone(SlaClass c);

// A ticket's SLA as stored (tickets.*_due_at, *_met_at, paused_since, escalation...).
struct SlaTimes {
    std::int64_t response_due_at = 0;
    std::optional<std::int64_t> response_met_at;
    std::int64_t resolve_due_at = 0;
    std::optional<std::int64_t> resolved_at;
    std::optional<std::int64_t> callback_due_at;
    std::optional<std::int64_t> callback_met_at;
    std::optional<std::int64_t> paused_since;
    int escalation = 0;                         // 0, 1 supervisor, 2 general manager
    std::optional<std::int64_t> escalated_at;   // when the current level fell due
};

// The deadlines of a ticket made at `createdAt`.
SlaTimes startTimes(const SlaPolicy& policy, SlaClass c, std::int64_t createdAt);
// The ticket reached `to` at `now`: sets the met times this keeps (first time only) and, at
// resolved, the callback deadline.
void reach(SlaTimes& t, const SlaPolicy& policy, SlaClass c, protocol::TicketState to,
           std::int64_t now);
// A pause stops every clock; resuming moves every open deadline by the pause's length.
void pauseClocks(SlaTimes& t, std::int64_t now);
void resumeClocks(SlaTimes& t, std::int64_t now);
// The earliest deadline not yet met; none while paused or when every promise is kept.
std::optional<std::int64_t> nextDue(const SlaTimes& t);

enum class ClockState { Ok, Warning, Breached, Met, MetLate, Paused };
std::string_view toString(ClockState s);

struct ClockView {
    std::int64_t due_at = 0;
    std::optional<std::int64_t> met_at;
    ClockState state = ClockState::Ok;
};

// One clock at `now`: met / met_late once kept, paused while the ticket waits, else ok, warning
// from warnShare of `allowed` used (remaining ≤ (1 - share) × allowed), breached after due_at.
ClockView clockAt(std::int64_t dueAt, std::optional<std::int64_t> metAt, std::int64_t allowed,
                  bool paused, double warnShare, std::int64_t now);

struct SlaView {
    ClockView response;
    ClockView resolution;
    std::optional<ClockView> callback;
};
SlaView slaAt(const SlaTimes& t, const SlaPolicy& policy, SlaClass c, std::int64_t now);

// The next escalation step due at `now`, if any: level 1 at the first breach of an open
// deadline, level 2 escalate_gm_after_s after level 1 while still breached. due_at is the moment
// the step fell due (not when a sweep noticed), so a late sweep writes the same steps.
struct EscalationStep {
    int level = 0;
    std::int64_t due_at = 0;
};
std::optional<EscalationStep> dueEscalation(const SlaTimes& t, const SlaPolicy& policy,
                                            std::int64_t now);

}  // namespace homedesk::hq
