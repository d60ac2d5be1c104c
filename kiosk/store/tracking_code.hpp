// The short code a resident types to follow a ticket before the head office has numbered it:
// six characters from an alphabet without look-alikes (no 0/O, 1/I/L), derived from the client id.
#pragma once

#include <string>
#include <string_view>

namespace homedesk::store {

inline constexpr std::string_view kTrackingAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kTrackingCodeLength = 6;

// `attempt` > 0 gives another code for the same id, used when a code is already taken.
std::string trackingCodeFor(std::string_view clientId, unsigned attempt = 0);

// Upper-cases and drops spaces and dashes, so "ab3-k9x" finds "AB3K9X".
std::string normalizeTrackingInput(std::string_view typed);

}  // namespace homedesk::store
