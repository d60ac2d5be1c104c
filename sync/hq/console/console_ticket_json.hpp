// The ticket desk's records as the console's JSON (docs/console.md: TicketRow, TicketDetail,
// Sla, Clock, Note, Event). Resident text goes out as JSON strings only; the page escapes it.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "sync/hq/desk/ticket_desk.hpp"

namespace homedesk::hq {

nlohmann::json slaJson(const DeskTicket& t, const SlaView& v);
nlohmann::json ticketRowJson(const DeskTicket& t, const SlaView& v);
nlohmann::json ticketDetailJson(const DeskTicketDetail& d, const SlaView& v);
nlohmann::json noteJson(const DeskNote& n);
nlohmann::json eventJson(const DeskEvent& e);

}  // namespace homedesk::hq
