// The SLA's arithmetic on stored times (see sla.hpp).
#include "sync/hq/desk/sla.hpp"

#include <algorithm>
#include <cmath>

namespace homedesk::hq {

using protocol::TicketState;

SlaClass slaClassOf(std::string_view kind, std::string_view urgency) {
    if (kind == "complaint") return SlaClass::Complaint;
    if (kind == "followup") return SlaClass::FollowUp;
    return urgency == "urgent" ? SlaClass::UrgentRepair : SlaClass::Repair;
}

std::int64_t responseAllowed(const SlaPolicy& p, SlaClass c) {
    switch (c) {
        case SlaClass::UrgentRepair: return p.urgent_repair_response_s;
        case SlaClass::Repair: return p.repair_response_s;
        case SlaClass::Complaint: return p.complaint_response_s;
        case SlaClass::FollowUp: return p.followup_response_s;
    }
    return p.repair_response_s;
}

std::int64_t resolveAllowed(const SlaPolicy& p, SlaClass c) {
    switch (c) {
        case SlaClass::UrgentRepair: return p.urgent_repair_resolve_s;
        case SlaClass::Repair: return p.repair_resolve_s;
        case SlaClass::Complaint: return p.complaint_resolve_s;
        case SlaClass::FollowUp: return p.followup_resolve_s;
    }
    return p.repair_resolve_s;
}

TicketState responseMilestone(SlaClass c) {
    return c == SlaClass::UrgentRepair || c == SlaClass::Repair ? TicketState::Dispatched
                                                                : TicketState::Accepted;
}

SlaTimes startTimes(const SlaPolicy& p, SlaClass c, std::int64_t createdAt) {
    SlaTimes t;
    t.response_due_at = createdAt + responseAllowed(p, c);
    t.resolve_due_at = createdAt + resolveAllowed(p, c);
    return t;
}

void reach(SlaTimes& t, const SlaPolicy& p, SlaClass c, TicketState to, std::int64_t now) {
    if (!t.response_met_at && static_cast<int>(to) >= static_cast<int>(responseMilestone(c)))
        t.response_met_at = now;
    if (to == TicketState::Resolved && !t.resolved_at) {
        t.resolved_at = now;
        t.callback_due_at = now + p.callback_s;
    }
    if (to == TicketState::CallbackDone && !t.callback_met_at) {
        if (!t.resolved_at) t.resolved_at = now;
        t.callback_met_at = now;
    }
}

void pauseClocks(SlaTimes& t, std::int64_t now) {
    if (!t.paused_since) t.paused_since = now;
}

void resumeClocks(SlaTimes& t, std::int64_t now) {
    if (!t.paused_since) return;
    const std::int64_t length = std::max<std::int64_t>(0, now - *t.paused_since);
    if (!t.response_met_at) t.response_due_at += length;
    if (!t.resolved_at) t.resolve_due_at += length;
    if (t.callback_due_at && !t.callback_met_at) *t.callback_due_at += length;
    t.paused_since.reset();
}

std::optional<std::int64_t> nextDue(const SlaTimes& t) {
    if (t.paused_since) return std::nullopt;
    std::optional<std::int64_t> due;
    auto consider = [&](std::int64_t d) { due = due ? std::min(*due, d) : d; };
    if (!t.response_met_at) consider(t.response_due_at);
    if (!t.resolved_at) consider(t.resolve_due_at);
    if (t.callback_due_at && !t.callback_met_at) consider(*t.callback_due_at);
    return due;
}

std::string_view toString(ClockState s) {
    switch (s) {
        case ClockState::Ok: return "ok";
        case ClockState::Warning: return "warning";
        case ClockState::Breached: return "breached";
        case ClockState::Met: return "met";
        case ClockState::MetLate: return "met_late";
        case ClockState::Paused: return "paused";
    }
    return "ok";
}

ClockView clockAt(std::int64_t dueAt, std::optional<std::int64_t> metAt, std::int64_t allowed,
                  bool paused, double warnShare, std::int64_t now) {
    ClockView v{dueAt, metAt, ClockState::Ok};
    if (metAt) {
        v.state = *metAt <= dueAt ? ClockState::Met : ClockState::MetLate;
    } else if (paused) {
        v.state = ClockState::Paused;
    } else if (now > dueAt) {
        v.state = ClockState::Breached;
    } else {
        const auto margin = static_cast<std::int64_t>(
            std::llround(static_cast<double>(allowed) * (1.0 - warnShare)));
        if (now >= dueAt - margin) v.state = ClockState::Warning;
    }
    return v;
}

SlaView slaAt(const SlaTimes& t, const SlaPolicy& p, SlaClass c, std::int64_t now) {
    const bool paused = t.paused_since.has_value();
    SlaView v;
    v.response = clockAt(t.response_due_at, t.response_met_at, responseAllowed(p, c), paused,
                         p.warn_share, now);
    v.resolution = clockAt(t.resolve_due_at, t.resolved_at, resolveAllowed(p, c), paused,
                           p.warn_share, now);
    if (t.callback_due_at)
        v.callback = clockAt(*t.callback_due_at, t.callback_met_at, p.callback_s, paused,
                             p.warn_share, now);
    return v;
}

std::optional<EscalationStep> dueEscalation(const SlaTimes& t, const SlaPolicy& p,
                                            std::int64_t now) {
    const auto due = nextDue(t);
    if (!due || now <= *due) return std::nullopt;  // paused, all kept, or not yet breached
    if (t.escalation <= 0) return EscalationStep{1, *due};
    if (t.escalation == 1) {
        const std::int64_t level2 = t.escalated_at.value_or(*due) + p.escalate_gm_after_s;
        if (now >= level2) return EscalationStep{2, level2};
    }
    return std::nullopt;
}

}  // namespace homedesk::hq
