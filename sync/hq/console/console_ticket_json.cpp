// Encoding the desk's records for the console (see console_ticket_json.hpp).
#include "sync/hq/console/console_ticket_json.hpp"

namespace homedesk::hq {
namespace {

using nlohmann::json;

template <typename T>
json orNull(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json clockJson(const ClockView& c) {
    return {{"due_at", c.due_at}, {"met_at", orNull(c.met_at)}, {"state", toString(c.state)}};
}

}  // namespace

json slaJson(const DeskTicket& t, const SlaView& v) {
    json paused = nullptr;
    if (t.sla.paused_since)
        paused = {{"since", *t.sla.paused_since}, {"reason", orNull(t.pause_reason)}};
    return {{"response", clockJson(v.response)},
            {"resolution", clockJson(v.resolution)},
            {"callback", v.callback ? clockJson(*v.callback) : json(nullptr)},
            {"paused", paused},
            {"escalation", t.sla.escalation}};
}

json ticketRowJson(const DeskTicket& t, const SlaView& v) {
    return {{"number", t.number},
            {"kind", t.kind},
            {"category", t.category},
            {"urgency", t.urgency},
            {"community_id", t.community_id},
            {"building_id", orNull(t.building_id)},
            {"place", t.place},
            {"status", protocol::toString(t.status)},
            {"assignee", orNull(t.assignee)},
            {"created_at", t.created_at},
            {"sla", slaJson(t, v)},
            {"co_reporters", t.co_reporters},
            {"summary", t.summary}};
}

json noteJson(const DeskNote& n) {
    return {{"id", n.id}, {"visibility", n.visibility}, {"text", n.text}, {"author", n.author},
            {"at", n.at}};
}

json eventJson(const DeskEvent& e) {
    return {{"at", e.at},     {"actor", e.actor}, {"action", e.action},
            {"from", e.from}, {"to", e.to},       {"note", e.note}};
}

json ticketDetailJson(const DeskTicketDetail& d, const SlaView& v) {
    json j = ticketRowJson(d.ticket, v);
    j["description"] = d.description;
    j["location"] = {{"kind", d.location_kind},
                     {"building_id", orNull(d.location_building)},
                     {"unit", orNull(d.unit)},
                     {"place_id", orNull(d.place_id)}};
    j["preferred_slot"] = d.preferred_slot;
    j["anonymous"] = d.anonymous;
    j["to_general_manager"] = d.to_general_manager;
    j["phone"] = orNull(d.phone);
    j["tracking_code"] = orNull(d.ticket.tracking_code);
    j["follows"] = orNull(d.ticket.follows);
    j["followed_by"] = d.followed_by;
    json co = json::array();
    for (const auto& r : d.co_reports) co.push_back({{"at", r.at}, {"phone", orNull(r.phone)}});
    j["co_reporters"] = std::move(co);
    json notes = json::array();
    for (const auto& n : d.notes) notes.push_back(noteJson(n));
    j["notes"] = std::move(notes);
    json events = json::array();
    for (const auto& e : d.events) events.push_back(eventJson(e));
    j["events"] = std::move(events);
    return j;
}

}  // namespace homedesk::hq
