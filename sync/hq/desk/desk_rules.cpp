// The workflow's rules (see desk_rules.hpp).
#include "sync/hq/desk/desk_rules.hpp"

#include <nlohmann/json.hpp>

namespace homedesk::hq {
namespace {

using protocol::TicketState;

bool isStaffDesk(const StaffUser& u) { return u.role == StaffRole::Desk || u.role == StaffRole::Admin; }

bool isAssignee(const StaffUser& u, const DeskTicket& t) {
    return t.assignee && *t.assignee == u.username;
}

std::string word(TicketState s) { return std::string(protocol::toString(s)); }

nlohmann::json optionalJson(const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

// The row, event and audit skeleton of a change by `actor`; the caller fills in what changed.
DeskUpdate changeOf(const DeskTicket& t, const std::string& actor, const std::string& address,
                    const std::string& action, std::int64_t now) {
    DeskUpdate u;
    u.after = t;
    u.after.updated_at = now;
    u.event = {now, actor, action, "", "", ""};
    u.audit = {now, actor, "ticket." + action, "ticket:" + t.number, "{}", "{}", address};
    return u;
}

void setStatus(DeskUpdate& u, const DeskTicket& t, TicketState to, const SlaPolicy& policy,
               std::int64_t now) {
    u.after.status = to;
    reach(u.after.sla, policy, t.slaClass(), to, now);
    u.event.from = word(t.status);
    u.event.to = word(to);
    u.toFeed = true;
}

void audit(DeskUpdate& u, const nlohmann::json& before, const nlohmann::json& after) {
    u.audit.before = before.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    u.audit.after = after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Error conflict(const DeskTicket& t, const std::string& action) {
    return deskRefusal(DeskRefusal::Conflict,
                       action + " is not allowed while the ticket is " +
                           (t.sla.paused_since ? std::string("paused") : word(t.status)));
}

bool in(TicketState s, std::initializer_list<TicketState> states) {
    for (auto x : states)
        if (x == s) return true;
    return false;
}

}  // namespace

bool readsTickets(const StaffUser& user) { return user.role != StaffRole::NoticeEditor; }

bool canSee(const StaffUser& user, const DeskTicket& t) {
    if (!readsTickets(user) || !user.inScope(t.community_id)) return false;
    return user.role != StaffRole::Technician || isAssignee(user, t);
}

bool seesPhone(const StaffUser& user, const DeskTicket& t) {
    return isStaffDesk(user) || isAssignee(user, t);
}

Result<DeskUpdate> decideAction(const DeskTicket& t, const DeskActor& actor, const DeskAction& a,
                                const SlaPolicy& policy,
                                const std::vector<StaffUser>& communityStaff, std::int64_t now) {
    const StaffUser& user = actor.user;
    if (!canSee(user, t)) return deskRefusal(DeskRefusal::NotFound, "no ticket " + t.number);
    const bool byDesk = isStaffDesk(user);
    const bool byAssignee = isAssignee(user, t);
    const bool deskOnly = a.action == "accept" || a.action == "dispatch" || a.action == "close";
    if (deskOnly ? !byDesk : !(byDesk || byAssignee))
        return deskRefusal(DeskRefusal::Forbidden,
                           "a " + toString(user.role) + " may not " + a.action + " this ticket");
    const bool paused = t.sla.paused_since.has_value();
    DeskUpdate u = changeOf(t, user.username, actor.address, a.action, now);
    u.event.note = a.note;
    if (!a.note.empty() && a.action != "finish")
        u.note = DeskNote{0, "internal", a.note, user.username, now};

    if (a.action == "accept") {
        if (paused || t.status != TicketState::Submitted) return conflict(t, a.action);
        setStatus(u, t, TicketState::Accepted, policy, now);
        audit(u, {{"status", word(t.status)}}, {{"status", "accepted"}});
    } else if (a.action == "dispatch") {
        if (paused || !in(t.status, {TicketState::Accepted, TicketState::Dispatched,
                                     TicketState::InProgress}))
            return conflict(t, a.action);
        const StaffUser* tech = nullptr;
        for (const auto& s : communityStaff)
            if (a.assignee && s.username == *a.assignee && s.role == StaffRole::Technician &&
                s.inScope(t.community_id))
                tech = &s;
        if (!tech)
            return deskRefusal(DeskRefusal::BadRequest,
                               "assignee must be a technician of community " + t.community_id);
        u.after.assignee = tech->username;
        if (t.status == TicketState::Accepted) {
            setStatus(u, t, TicketState::Dispatched, policy, now);
        } else {
            u.event.action = "reassign";
            u.audit.action = "ticket.reassign";
        }
        audit(u, {{"status", word(t.status)}, {"assignee", optionalJson(t.assignee)}},
              {{"status", word(u.after.status)}, {"assignee", tech->username}});
    } else if (a.action == "start") {
        if (paused || t.status != TicketState::Dispatched) return conflict(t, a.action);
        setStatus(u, t, TicketState::InProgress, policy, now);
        audit(u, {{"status", word(t.status)}}, {{"status", "in_progress"}});
    } else if (a.action == "pause") {
        if (paused || !in(t.status, {TicketState::Accepted, TicketState::Dispatched,
                                     TicketState::InProgress}))
            return conflict(t, a.action);
        if (!a.reason || (*a.reason != "waiting_resident" && *a.reason != "waiting_parts"))
            return deskRefusal(DeskRefusal::BadRequest,
                               "reason must be waiting_resident or waiting_parts");
        pauseClocks(u.after.sla, now);
        u.after.pause_reason = *a.reason;
        u.event.note = a.note.empty() ? *a.reason : *a.reason + ": " + a.note;
        audit(u, {{"paused", nullptr}}, {{"paused", {{"since", now}, {"reason", *a.reason}}}});
    } else if (a.action == "resume") {
        if (!paused) return conflict(t, a.action);
        resumeClocks(u.after.sla, now);
        u.after.pause_reason.reset();
        audit(u,
              {{"paused", {{"since", *t.sla.paused_since}, {"reason", optionalJson(t.pause_reason)}}},
               {"response_due_at", t.sla.response_due_at},
               {"resolve_due_at", t.sla.resolve_due_at}},
              {{"paused", nullptr},
               {"response_due_at", u.after.sla.response_due_at},
               {"resolve_due_at", u.after.sla.resolve_due_at}});
    } else if (a.action == "finish") {
        if (paused || t.status != TicketState::InProgress) return conflict(t, a.action);
        if (a.note.empty())
            return deskRefusal(DeskRefusal::BadRequest, "finish needs a note for the resident");
        setStatus(u, t, TicketState::Resolved, policy, now);
        u.after.note = a.note;
        u.feedNote = a.note;
        u.note = DeskNote{0, "resident", a.note, user.username, now};
        audit(u, {{"status", word(t.status)}}, {{"status", "resolved"}, {"note", a.note}});
    } else if (a.action == "close") {
        if (paused || t.status != TicketState::Resolved) return conflict(t, a.action);
        if (!a.callback || (*a.callback != "satisfied" && *a.callback != "unsatisfied" &&
                            *a.callback != "unreachable"))
            return deskRefusal(DeskRefusal::BadRequest,
                               "callback must be satisfied, unsatisfied or unreachable");
        setStatus(u, t, TicketState::CallbackDone, policy, now);
        u.event.note = "callback " + *a.callback + (a.note.empty() ? "" : ": " + a.note);
        audit(u, {{"status", word(t.status)}},
              {{"status", "callback_done"}, {"callback", *a.callback}});
    } else {
        return deskRefusal(DeskRefusal::BadRequest, "unknown action " + a.action);
    }
    return u;
}

Result<DeskUpdate> decideNote(const DeskTicket& t, const DeskActor& actor, const std::string& text,
                              const std::string& visibility, std::int64_t now) {
    const StaffUser& user = actor.user;
    if (!canSee(user, t)) return deskRefusal(DeskRefusal::NotFound, "no ticket " + t.number);
    const bool resident = visibility == "resident";
    if (!(isStaffDesk(user) || (!resident && isAssignee(user, t))))
        return deskRefusal(DeskRefusal::Forbidden,
                           "a " + toString(user.role) + " may not add a " + visibility + " note");
    DeskUpdate u = changeOf(t, user.username, actor.address, "note", now);
    u.event.note = resident ? text : "(internal note)";
    u.note = DeskNote{0, visibility, text, user.username, now};
    if (resident) {
        u.after.note = text;
        u.toFeed = true;
        u.feedNote = text;
    }
    audit(u, nlohmann::json::object(), {{"visibility", visibility}, {"text", text}});
    return u;
}

Result<DeskUpdate> decideEscalation(const DeskTicket& t, const SlaPolicy& policy,
                                    const std::vector<std::string>& supervisors,
                                    std::int64_t now) {
    const auto step = dueEscalation(t.sla, policy, now);
    if (!step) return deskRefusal(DeskRefusal::Conflict, "no escalation due");
    DeskUpdate u = changeOf(t, "system", "", "escalate", now);
    u.after.updated_at = t.updated_at;  // an escalation is not work on the ticket
    u.after.sla.escalation = step->level;
    u.after.sla.escalated_at = step->due_at;
    std::string to;
    if (step->level == 1) {
        to = "supervisor";
        for (std::size_t i = 0; i < supervisors.size(); ++i)
            to += (i ? ", " : ": ") + supervisors[i];
    } else {
        to = "general manager";
    }
    u.event.note = "level " + std::to_string(step->level) + " to " + to;
    audit(u, {{"escalation", t.sla.escalation}},
          {{"escalation", step->level}, {"due_at", step->due_at}, {"to", to}});
    return u;
}

}  // namespace homedesk::hq
