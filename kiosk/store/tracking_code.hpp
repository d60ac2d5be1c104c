// The code a resident types to follow a ticket before the head office has numbered it: eight
// digits (so the numeric keypad serves both this and the head office's number), derived from
// the client id; a taken code is replaced by the next attempt's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace homedesk::store {

inline constexpr size_t kTrackingCodeLength = 8;

// `attempt` > 0 gives another code for the same id, used when a code is already taken.
std::string trackingCodeFor(std::string_view clientId, unsigned attempt = 0);

// What a resident typed (keypad, keyboard wedge, scanner), reduced to what identifies a ticket:
// spaces and dashes dropped, letters upper-cased. Nothing left, or anything but ASCII letters
// and digits, gives nullopt.
std::optional<std::string> normalizeTrackingInput(std::string_view typed);

// The digits of a number with leading zeros dropped: "R-000123" and "123" both give "123".
// The head office numbers repairs and complaints from one sequence, so the digits alone are
// unique and a resident can type them on the keypad.
std::string numberDigits(std::string_view number);

}  // namespace homedesk::store
