// Input checks and UTF-8 repair for what residents typed.
#include "kiosk/store/input_rules.hpp"

#include "kiosk/core/utf8.hpp"

namespace homedesk::store {
namespace {

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string storableText(std::string_view text) {
    if (utf8::isValid(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    size_t pos = 0;
    while (pos < text.size()) utf8::append(out, utf8::next(text, pos));
    return out;
}

bool isValidClientId(std::string_view id) {
    if (id.size() < 8 || id.size() > 64) return false;
    for (char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool isValidPhone(std::string_view phone) {
    return phone.empty() || (phone.size() >= 5 && phone.size() <= 20 && allDigits(phone));
}

bool isLast4(std::string_view digits) {
    return digits.size() == 4 && allDigits(digits);
}

Result<NewTicket> checkedTicket(const NewTicket& ticket) {
    if (!isValidClientId(ticket.clientId))
        return invalidInput("store.submit", "client id must be 8-64 letters, digits, '_' or '-'");
    if (!isValidPhone(ticket.phone))
        return invalidInput("store.submit", "phone must be empty or 5-20 digits");
    if (ticket.createdAt <= 0) return invalidInput("store.submit", "created time is missing");
    NewTicket out = ticket;
    for (std::string* field : {&out.description, &out.location.buildingId, &out.location.unit,
                               &out.location.placeId, &out.preferredSlot}) {
        if (field->size() > kMaxTextBytes)
            return invalidInput("store.submit", "a text field is longer than " +
                                                    std::to_string(kMaxTextBytes) + " bytes");
        *field = storableText(*field);
    }
    if (out.coReportOf) {
        *out.coReportOf = storableText(*out.coReportOf);
        if (out.coReportOf->empty() || out.coReportOf->size() > 64)
            return invalidInput("store.submit", "a co-report must name the ticket it joins");
    }
    return out;
}

}  // namespace homedesk::store
