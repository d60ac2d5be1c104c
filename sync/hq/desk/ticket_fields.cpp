// Reading a submission payload into the desk's ticket columns (see ticket_fields.hpp).
#include "sync/hq/desk/ticket_fields.hpp"

namespace homedesk::hq {
namespace {

std::optional<std::string> text(const nlohmann::json& j, const char* key, std::size_t maxBytes) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > maxBytes) return std::nullopt;
    return s;
}

}  // namespace

std::string firstCharacters(const std::string& text, std::size_t n) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size() && count < n;) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3
                                : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > text.size()) break;
        if (c < 0x20 || c == 0x7F)
            out += ' ';
        else
            out.append(text, i, len);
        i += len;
        ++count;
    }
    return out;
}

TicketFields ticketFields(const nlohmann::json& payload) {
    TicketFields f;
    if (!payload.is_object()) return f;
    f.category = text(payload, "category", 64).value_or("");
    f.urgency = text(payload, "urgency", 16).value_or("");
    if (f.urgency != "urgent" && f.urgency != "normal") f.urgency.clear();
    const auto loc = payload.find("location");
    if (loc != payload.end() && loc->is_object()) {
        f.buildingId = text(*loc, "building_id", 64);
        const auto kind = text(*loc, "kind", 16).value_or("");
        f.place = (kind == "home" ? text(*loc, "unit", 64) : text(*loc, "place_id", 64))
                      .value_or("");
    }
    if (const auto d = text(payload, "description", 64 * 1024)) f.summary = firstCharacters(*d, 80);
    f.trackingCode = text(payload, "tracking_code", 32);
    f.coReportOf = text(payload, "co_report_of", 32);
    return f;
}

}  // namespace homedesk::hq
