// What the desk files a ticket under, read at ingest from a terminal's submission payload
// (kiosk/store/submission_payload.cpp): category, urgency, where, a one-line summary, the
// receipt's tracking code and the ticket a "me too" joins. Untrusted text: wrong types read as
// empty, lengths are capped.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace homedesk::hq {

struct TicketFields {
    std::string category;
    std::string urgency;  // urgent | normal | ""
    std::optional<std::string> buildingId;
    std::string place;    // a home's unit, or a public place's id
    std::string summary;  // the description's first 80 characters on one line
    std::optional<std::string> trackingCode;
    std::optional<std::string> coReportOf;
};

TicketFields ticketFields(const nlohmann::json& payload);

// The first `n` characters (UTF-8 code points) of `text`, control characters as spaces.
std::string firstCharacters(const std::string& text, std::size_t n);

}  // namespace homedesk::hq
