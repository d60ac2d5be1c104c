#include "sync/protocol/qr_token.hpp"

#include <sodium.h>

#include <array>
#include <vector>

#include "sync/protocol/base64url.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/field_reader.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {
namespace {

Error refused(const std::string& why) { return invalidInput("qr token", why); }

// Fields each kind must carry (all strings, one line, short).
std::vector<const char*> requiredFields(TokenKind kind) {
    switch (kind) {
        case TokenKind::ResidentCard: return {"unit", "name"};
        case TokenKind::StaffBadge: return {"staff_id", "name"};
        case TokenKind::SurveyInvitation: return {"survey_id"};
        case TokenKind::Enrollment: return {"code", "hq"};
        case TokenKind::HouseholdCard: return {"community", "building", "unit"};
        case TokenKind::LocationSticker: return {"community", "place"};
    }
    return {};
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

}  // namespace

std::string_view tokenKindCode(TokenKind kind) {
    switch (kind) {
        case TokenKind::ResidentCard: return "rc";
        case TokenKind::StaffBadge: return "sb";
        case TokenKind::SurveyInvitation: return "sv";
        case TokenKind::Enrollment: return "en";
        case TokenKind::HouseholdCard: return "hc";
        case TokenKind::LocationSticker: return "lc";
    }
    return "rc";
}

std::optional<TokenKind> tokenKindFromCode(std::string_view code) {
    for (auto k : {TokenKind::ResidentCard, TokenKind::StaffBadge, TokenKind::SurveyInvitation,
                   TokenKind::Enrollment, TokenKind::HouseholdCard, TokenKind::LocationSticker})
        if (tokenKindCode(k) == code) return k;
    return std::nullopt;
}

bool isSingleUse(TokenKind kind) {
    return kind == TokenKind::SurveyInvitation || kind == TokenKind::Enrollment;
}

std::string newTokenId() {
    cryptoReady();
    std::array<unsigned char, 12> raw{};
    randombytes_buf(raw.data(), raw.size());
    return base64urlEncode(raw.data(), raw.size());
}

std::string staffPinHash(std::string_view pin, std::string_view tokenId) {
    cryptoReady();
    std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
    crypto_generichash(key.data(), key.size(),
                       reinterpret_cast<const unsigned char*>(tokenId.data()), tokenId.size(),
                       nullptr, 0);
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(pin.data()),
                       pin.size(), key.data(), key.size());
    return base64urlEncode(out.data(), out.size());
}

bool staffPinMatches(std::string_view pin, std::string_view tokenId, std::string_view hash) {
    const std::string mine = staffPinHash(pin, tokenId);
    return !pin.empty() && hash.size() == mine.size() &&
           sodium_memcmp(mine.data(), hash.data(), mine.size()) == 0;
}

Result<std::string> signToken(const TokenClaims& claims, const SigningKey& key) {
    if (!cryptoReady()) return Error{Error::Kind::Internal, "qr token", "libsodium failed", false};
    if (!isValidText(claims.id, TextKind::Id) || claims.id.size() > 32)
        return refused("token id must be 1..32 id characters");
    if (claims.expires_at <= claims.issued_at) return refused("token expires before it is issued");
    if (!claims.data.is_object()) return refused("token data must be an object");
    for (const char* field : requiredFields(claims.kind))
        if (!claims.data.contains(field) || !claims.data[field].is_string())
            return refused(std::string("token data needs '") + field + "'");

    nlohmann::json body = claims.data;
    body["id"] = claims.id;
    body["iat"] = claims.issued_at;
    body["exp"] = claims.expires_at;
    const std::string signedPart = std::string(kQrTokenPrefix) + "." +
                                   std::string(tokenKindCode(claims.kind)) + "." +
                                   base64urlEncode(body.dump());
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(signedPart.data()),
                         signedPart.size(), key.secret.data());
    std::string token = signedPart + "." + base64urlEncode(sig.data(), sig.size());
    if (token.size() > kMaxTokenBytes) return refused("token too long for a QR code");
    return token;
}

Result<TokenClaims> verifyToken(std::string_view token, const PublicKey& key, std::int64_t now,
                                TokenRefusal* why) {
    TokenRefusal ignored;
    TokenRefusal& reason = why ? *why : ignored;
    reason = TokenRefusal::Malformed;
    if (!cryptoReady()) return Error{Error::Kind::Internal, "qr token", "libsodium failed", false};
    if (token.size() > kMaxTokenBytes) return refused("code too long");
    const auto parts = split(token, '.');
    if (parts.size() != 4 || parts[0] != kQrTokenPrefix) return refused("not a HomeDesk code");
    const auto kind = tokenKindFromCode(parts[1]);
    if (!kind) return refused("unknown code kind");
    const auto sig = base64urlDecode(parts[3]);
    if (!sig || sig->size() != crypto_sign_BYTES) return refused("signature malformed");
    const std::size_t signedLength = parts[0].size() + parts[1].size() + parts[2].size() + 2;
    if (crypto_sign_verify_detached(sig->data(),
                                    reinterpret_cast<const unsigned char*>(token.data()),
                                    signedLength, key.bytes.data()) != 0) {
        reason = TokenRefusal::Forged;
        return refused("signature does not verify");
    }

    // Signed by the head office from here on; still checked, as a key may sign a bad body.
    const auto raw = base64urlDecode(parts[2]);
    if (!raw) return refused("body malformed");
    auto body =
        parseJson(std::string_view(reinterpret_cast<const char*>(raw->data()), raw->size()));
    if (!body) return refused("body is not JSON");
    FieldReader r(body.value(), "");
    TokenClaims claims;
    claims.kind = *kind;
    claims.id = r.string("id", TextKind::Id, 32);
    claims.issued_at = r.integer("iat", 0, INT64_MAX / 2);
    claims.expires_at = r.integer("exp", 0, INT64_MAX / 2);
    for (const char* field : requiredFields(*kind)) r.string(field, TextKind::Line, 256);
    if (!r.ok()) return refused(r.error());

    if (now >= claims.expires_at) {
        reason = TokenRefusal::Expired;
        return refused("code expired");
    }
    if (claims.issued_at > now + kClockSkewSeconds) {
        reason = TokenRefusal::NotYetValid;
        return refused("code not valid yet");
    }
    claims.data = std::move(body.value());
    for (const char* k : {"id", "iat", "exp"}) claims.data.erase(k);
    return claims;
}

}  // namespace homedesk::protocol
