#include "sync/protocol/scan_payload.hpp"

#include <algorithm>

#include "sync/protocol/base64url.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/qr_token.hpp"
#include "sync/protocol/replay_file.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {
namespace {

ScanResult refused(ScanRefusal why) {
    ScanResult r;
    r.refusal = why;
    return r;
}

// Scanners add line ends; people's codes never need surrounding spaces.
std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Every code of ours is printable ASCII; anything else (text, binary) is someone else's.
bool printableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

bool digitsOnly(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string field(const nlohmann::json& data, const char* key) {
    auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ScanRefusal fromTokenRefusal(TokenRefusal why) {
    switch (why) {
        case TokenRefusal::Forged: return ScanRefusal::Forged;
        case TokenRefusal::Expired:
        case TokenRefusal::NotYetValid: return ScanRefusal::Expired;
        case TokenRefusal::Malformed: return ScanRefusal::Malformed;
    }
    return ScanRefusal::Malformed;
}

// Before enrollment the terminal has no key to verify with. An enrollment code is then read
// unverified: only its code is taken, and the head office it was configured with checks that.
ScanResult unverifiedEnrollment(std::string_view token) {
    const std::string prefix = std::string(kQrTokenPrefix) + ".en.";
    if (token.rfind(prefix, 0) != 0) return refused(ScanRefusal::NoKey);
    const auto rest = token.substr(prefix.size());
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) return refused(ScanRefusal::Malformed);
    const auto raw = base64urlDecode(rest.substr(0, dot));
    if (!raw) return refused(ScanRefusal::Malformed);
    auto body =
        parseJson(std::string_view(reinterpret_cast<const char*>(raw->data()), raw->size()));
    if (!body || !body->is_object()) return refused(ScanRefusal::Malformed);
    const std::string code = field(body.value(), "code");
    if (code.empty() || code.size() > 64 || !printableAscii(code))
        return refused(ScanRefusal::Malformed);
    ScanResult r;
    r.kind = ScanKind::EnrollmentCode;
    r.enrollCode = code;
    return r;
}

ScanResult fromClaims(const TokenClaims& claims) {
    ScanResult r;
    const auto& d = claims.data;
    r.community = field(d, "community");
    switch (claims.kind) {
        case TokenKind::HouseholdCard:
            r.kind = ScanKind::HouseholdCard;
            r.building = field(d, "building");
            r.unit = field(d, "unit");
            break;
        case TokenKind::LocationSticker:
            r.kind = ScanKind::LocationSticker;
            r.building = field(d, "building");
            r.place = field(d, "place");
            r.asset = field(d, "asset");
            break;
        case TokenKind::StaffBadge:
            r.kind = ScanKind::StaffBadge;
            r.staffId = field(d, "staff_id");
            r.name = field(d, "name");
            r.checkPin = [hash = field(d, "pin"), id = claims.id](std::string_view pin) {
                return !hash.empty() && staffPinMatches(pin, id, hash);
            };
            break;
        case TokenKind::SurveyInvitation:
            r.kind = ScanKind::SurveyInvitation;
            r.surveyId = field(d, "survey_id");
            r.ticket = field(d, "ticket");
            break;
        case TokenKind::Enrollment:
            r.kind = ScanKind::EnrollmentCode;
            r.enrollCode = field(d, "code");
            r.hq = field(d, "hq");
            break;
        case TokenKind::ResidentCard:  // superseded by the household card: names no community
            return refused(ScanRefusal::NotOurs);
    }
    return r;
}

ScanResult classifyToken(std::string_view token, const ScanContext& context) {
    if (!context.officeKey) return unverifiedEnrollment(token);
    TokenRefusal why = TokenRefusal::Malformed;
    auto claims = verifyToken(token, *context.officeKey, context.now, &why);
    if (!claims) return refused(fromTokenRefusal(why));
    ScanResult r = fromClaims(claims.value());
    if (!r.ok()) return r;
    // Kinds that name a community must name this one; an enrollment code names none.
    const bool named = !r.community.empty();
    const bool mustName = r.kind == ScanKind::HouseholdCard || r.kind == ScanKind::LocationSticker;
    if ((mustName || named) && r.community != context.communityId)
        return refused(ScanRefusal::WrongCommunity);
    if (isSingleUse(claims->kind)) {
        if (!context.replay) return refused(ScanRefusal::Replayed);
        if (context.replay->use(claims->id, claims->expires_at, context.now) !=
            ReplayGuard::Outcome::First)
            return refused(ScanRefusal::Replayed);
    }
    return r;
}

}  // namespace

ScanResult classify(std::string_view payload, const ScanContext& context) {
    if (payload.size() > kMaxScanBytes) return refused(ScanRefusal::TooLong);
    const std::string_view text = trimmed(payload);
    if (text.empty()) return refused(ScanRefusal::Empty);
    if (!printableAscii(text)) return refused(ScanRefusal::NotOurs);
    if (text.rfind(std::string(kQrTokenPrefix) + ".", 0) == 0) {
        if (text.size() > kMaxTokenBytes) return refused(ScanRefusal::TooLong);
        return classifyToken(text, context);
    }
    const std::string_view url = context.ticketUrl;
    if (!url.empty() && text.size() == url.size() + kTicketCodeDigits && text.rfind(url, 0) == 0 &&
        digitsOnly(text.substr(url.size()))) {
        ScanResult r;
        r.kind = ScanKind::TicketReceipt;
        r.ticketCode = std::string(text.substr(url.size()));
        return r;
    }
    return refused(ScanRefusal::NotOurs);
}

}  // namespace homedesk::protocol
