// The outbox payload of a ticket: the JSON object the head office receives as
// Submission.payload. The phone is not in it; it is sealed apart and merged in for sending.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/ticket.hpp"

namespace homedesk::store {

inline constexpr std::string_view kPhoneField = "phone";

std::string ticketPayload(const NewTicket& ticket, std::string_view trackingCode);

// The payload as sent: `payload` with the phone added (when there is one).
std::string payloadWithPhone(std::string_view payload, std::string_view phone);

}  // namespace homedesk::store
