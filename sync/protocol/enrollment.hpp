// POST /api/v1/enroll: a one-time code from the head office becomes a terminal id and the
// bearer credential the terminal uses from then on.
#pragma once

#include <string>

namespace homedesk::protocol {

struct EnrollRequest {
    std::string code;         // one-time, from `homedesk-hq enroll-code create` (or its QR)
    std::string device_name;  // installer's label, e.g. "3号楼大堂"
    std::string app_version;
};

struct EnrollResponse {
    std::string terminal_id;
    std::string credential;  // bearer secret; shown once, stored only as a hash at the office
    std::string community_id;
    std::string community_name;
    std::string signing_public_key;  // base64url Ed25519 key that signs QR tokens
};

}  // namespace homedesk::protocol
