// The ticket desk's records (docs/console.md, Tickets): a ticket as the inbox lists it, one
// ticket with everything staff read, the inbox's filters, and one change as the store writes it
// (row, event, audit row, status-feed row, note) in a single transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/hq/console/console_types.hpp"
#include "sync/hq/desk/sla.hpp"
#include "sync/protocol/ticket_status.hpp"

namespace homedesk::hq {

struct DeskTicket {
    std::string number;  // R- repair, C- complaint, F- follow-up
    std::string kind;    // repair | complaint | followup
    std::string category;
    std::string urgency;  // urgent | normal | "" (complaints, follow-ups)
    std::string community_id;
    std::optional<std::string> building_id;
    std::string place;  // the unit of a home, the place id of a public spot
    protocol::TicketState status = protocol::TicketState::Submitted;
    std::optional<std::string> assignee;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    int co_reporters = 0;
    std::string summary;
    std::string terminal_id;  // the filing terminal ("" for a follow-up)
    std::string client_id;
    std::optional<std::string> tracking_code;
    std::optional<std::string> follows;
    std::string note;                         // the last resident-visible note
    std::optional<std::string> pause_reason;  // waiting_resident | waiting_parts while paused
    SlaTimes sla;

    SlaClass slaClass() const { return slaClassOf(kind, urgency); }
};

struct DeskNote {
    std::int64_t id = 0;
    std::string visibility;  // internal | resident
    std::string text;
    std::string author;
    std::int64_t at = 0;
};

struct DeskEvent {
    std::int64_t at = 0;
    std::string actor;   // terminal, system or a username
    std::string action;  // submit, accept, dispatch, ..., note, escalate, co_report, callback
    std::string from;    // status before ("" when it did not change)
    std::string to;
    std::string note;
};

struct DeskCoReport {
    std::int64_t at = 0;
    std::optional<std::string> phone;  // unmasked here; the desk masks for the reader
};

struct DeskTicketDetail {
    DeskTicket ticket;
    std::string description;
    std::string location_kind;  // home | public | ""
    std::optional<std::string> location_building;
    std::optional<std::string> unit;
    std::optional<std::string> place_id;
    std::string preferred_slot;
    bool anonymous = false;
    bool to_general_manager = false;
    std::optional<std::string> phone;  // unmasked here; the desk masks for the reader
    std::vector<std::string> followed_by;
    std::vector<DeskCoReport> co_reports;
    std::vector<DeskNote> notes;
    std::vector<DeskEvent> events;
};

// The inbox's filters (GET /console/api/tickets); empty = any.
struct InboxQuery {
    std::optional<std::string> community;
    std::optional<std::string> kind;
    std::optional<std::string> category;
    std::optional<std::string> status;  // a TicketState word or "open"
    std::optional<std::string> building;
    std::optional<std::string> assignee;
    std::optional<std::string> q;  // a number, a tracking code or words of the summary
    bool overdue = false;
    bool escalated = false;
    bool paused = false;
    int page = 1;
    int limit = 50;
};

// What a reader may see: communities ("all" for scope *), and for a technician only their jobs.
struct DeskScope {
    bool all = false;
    std::vector<std::string> communities;
    std::optional<std::string> onlyAssignee;
};

struct InboxPage {
    std::vector<DeskTicket> items;
    std::int64_t total = 0;
    int page = 1;
    int limit = 50;
};

// One change to one ticket, written in one transaction.
struct DeskUpdate {
    DeskTicket after;  // status, assignee, note, pause and SLA times as they become
    DeskEvent event;
    AuditEntry audit;
    bool toFeed = false;  // a ticket_changes row (after.status, feedNote) for the filing terminal
    std::string feedNote;
    std::optional<DeskNote> note;  // a note to add (its id is filled in when written)
};

// A ticket with an escalation step due (TicketDesk::sweep).
struct EscalationDue {
    std::string number;
    std::string community_id;
};

// Decides a change from the ticket as it is inside the store's transaction; an error refuses it
// and nothing is written.
using DeskDecision = std::function<Result<DeskUpdate>(const DeskTicket&)>;

}  // namespace homedesk::hq
