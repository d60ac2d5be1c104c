// What a scanned payload is: one of the terminal's own kinds (docs/protocol.md, "Scanned
// codes") or refused. Signed kinds are verified with the head office's key, checked against
// this terminal's community and, when single-use, against the replay file. Nothing refused
// is ever opened; a URL is only ever compared, never followed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/scan_result.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::protocol {

class ReplayFile;

inline constexpr std::size_t kMaxScanBytes = 1024;
inline constexpr std::size_t kTicketCodeDigits = 8;

struct ScanContext {
    std::string ticketUrl;             // site.ticket_url: a receipt's QR is this + tracking code
    std::string communityId;           // this terminal's community ("" before enrollment)
    std::optional<PublicKey> officeKey;  // from enrollment; none before it
    std::int64_t now = 0;              // unix seconds
    ReplayFile* replay = nullptr;      // single-use codes are refused without one
};

ScanResult classify(std::string_view payload, const ScanContext& context);

}  // namespace homedesk::protocol
