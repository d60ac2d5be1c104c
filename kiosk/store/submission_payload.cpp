// Builds the outbox payload JSON; text is already valid UTF-8 (input_rules), so dump() cannot
// throw.
#include "kiosk/store/submission_payload.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/store/store_codes.hpp"

namespace homedesk::store {

std::string ticketPayload(const NewTicket& t, std::string_view trackingCode) {
    nlohmann::json j = nlohmann::json::object();
    j["category"] =
        t.kind == TicketKind::Repair ? code(t.repairCategory) : code(t.complaintCategory);
    j["location"] = {{"kind", t.location.kind == TicketLocation::Kind::Home ? "home" : "public"},
                     {"building_id", t.location.buildingId},
                     {"unit", t.location.unit},
                     {"place_id", t.location.placeId}};
    j["urgency"] = code(t.urgency);
    j["description"] = t.description;
    j["preferred_slot"] = t.preferredSlot;
    j["anonymous"] = t.anonymous;
    j["to_general_manager"] = t.toGeneralManager;
    j["tracking_code"] = trackingCode;
    if (t.coReportOf) j["co_report_of"] = *t.coReportOf;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string payloadWithPhone(std::string_view payload, std::string_view phone) {
    if (phone.empty()) return std::string(payload);
    nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::string(payload);
    j[std::string(kPhoneField)] = phone;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace homedesk::store
