// Signed QR tokens: "HD1.<kind>.<body>.<sig>". body is base64url JSON claims, sig is the
// base64url Ed25519 signature of "HD1.<kind>.<body>". Only the head office signs; terminals
// verify offline with the public key from /config.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::protocol {

enum class TokenKind {
    ResidentCard,     // "rc": {unit, name}          reusable until it expires
    StaffBadge,       // "sb": {staff_id, name}      reusable, opens maintenance after a PIN
    SurveyInvitation, // "sv": {survey_id, ticket?}  single use
    Enrollment,       // "en": {code, hq}            single use
    HouseholdCard,    // "hc": {community, building, unit}          reusable until it expires
    LocationSticker,  // "lc": {community, place, building?, asset?} reusable until it expires
};

struct TokenClaims {
    TokenKind kind = TokenKind::ResidentCard;
    std::string id;  // unique per token: the nonce a verifier remembers against replay
    std::int64_t issued_at = 0;
    std::int64_t expires_at = 0;
    nlohmann::json data = nlohmann::json::object();  // the kind's fields, see above
};

inline constexpr std::size_t kMaxTokenBytes = 700;   // fits a version-15 QR at level M
inline constexpr std::int64_t kClockSkewSeconds = 300;

std::string_view tokenKindCode(TokenKind kind);
std::optional<TokenKind> tokenKindFromCode(std::string_view code);
bool isSingleUse(TokenKind kind);

// A fresh random id for TokenClaims::id.
std::string newTokenId();
Result<std::string> signToken(const TokenClaims& claims, const SigningKey& key);
// A staff badge's "pin" field: base64url BLAKE2b-256 of the PIN keyed with the badge's id, so
// the terminal checks a PIN offline and one badge's hash says nothing about another's.
std::string staffPinHash(std::string_view pin, std::string_view tokenId);
bool staffPinMatches(std::string_view pin, std::string_view tokenId, std::string_view hash);

// Why verifyToken refused, for callers that word it for a resident (the scanner).
enum class TokenRefusal { Malformed, Forged, Expired, NotYetValid };

// Checks form, signature, kind fields and time (now within [issued_at - skew, expires_at)).
// Replay is the caller's: see ReplayGuard. `why` (optional) says which check refused.
Result<TokenClaims> verifyToken(std::string_view token, const PublicKey& key, std::int64_t now,
                                TokenRefusal* why = nullptr);

}  // namespace homedesk::protocol
