// What the store accepts from the flows, checked once before anything is written.
// Text is kept as given (emoji, control characters, quotes: all stored verbatim) except that
// invalid UTF-8 bytes become U+FFFD, so every stored string is valid UTF-8 and valid in JSON.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk::store {

inline constexpr size_t kMaxTextBytes = 64 * 1024;  // per field; far above what a flow allows

std::string storableText(std::string_view text);

// Client ids follow the wire rule (8..64 of A-Z a-z 0-9 _ -) so a queued item can always be sent.
bool isValidClientId(std::string_view id);
// Empty (no phone given) or 5..20 digits.
bool isValidPhone(std::string_view phone);
bool isLast4(std::string_view digits);

// Returns the ticket with every text field made storable, or why it cannot be stored.
Result<NewTicket> checkedTicket(const NewTicket& ticket);

}  // namespace homedesk::store
