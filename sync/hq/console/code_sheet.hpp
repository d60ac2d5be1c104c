// The codes the head office issues for terminals to scan: location stickers, household cards
// and staff badges (signed HD1 tokens, docs/protocol.md "Scanned codes"), and a printable HTML
// page of them, each with its QR code (SVG) and its label, cut-out size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::hq {

struct CodeRequest {
    enum class Kind { Location, Household, StaffBadge } kind = Kind::Location;
    std::string community;  // id, as the terminals know it
    std::string building;   // id
    std::string unit;       // Household
    std::string place;      // Location: the place id from the community's directory
    std::string asset;      // Location, optional
    std::string staffId;    // StaffBadge
    std::string name;       // StaffBadge
    std::string pin;        // StaffBadge: 4-8 digits (only its keyed hash goes into the code)
    std::string label;      // printed under the code ("3号楼 电梯 2号"); the fields if empty
    double days = 365;
};

struct IssuedCode {
    std::string token;
    std::string label;
    std::string kindTitle;  // "位置标签 Location" ...
    std::int64_t expiresAt = 0;
};

Result<IssuedCode> issueCode(const CodeRequest& request, const protocol::SigningKey& key,
                             std::int64_t now);
// A page of cards, 3 to a row on A4, each: kind, QR, label, expiry date (UTC). Everything
// printed is HTML-escaped.
Result<std::string> codeSheet(const std::vector<IssuedCode>& codes);

}  // namespace homedesk::hq
