#include <catch2/catch.hpp>

#include <string>

#include "sync/protocol/base64url.hpp"
#include "sync/protocol/qr_token.hpp"
#include "sync/protocol/replay_guard.hpp"

using namespace homedesk::protocol;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;

TokenClaims staffBadge() {
    TokenClaims c;
    c.kind = TokenKind::StaffBadge;
    c.id = newTokenId();
    c.issued_at = kNow - 60;
    c.expires_at = kNow + 3600;
    c.data = {{"staff_id", "S-7"}, {"name", "王师傅"}};
    return c;
}

std::string signedBadge(const SigningKey& key) {
    auto token = signToken(staffBadge(), key);
    REQUIRE(token.ok());
    return token.value();
}

bool mentions(const homedesk::Error& e, const char* text) {
    return e.message.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("a signed token verifies and gives back its claims", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const std::string token = signedBadge(key);
    CHECK(token.rfind("HD1.sb.", 0) == 0);
    auto claims = verifyToken(token, key.publicKey, kNow);
    REQUIRE(claims.ok());
    CHECK(claims->kind == TokenKind::StaffBadge);
    CHECK(claims->data.at("name") == "王师傅");
    CHECK_FALSE(claims->data.contains("exp"));
}

TEST_CASE("every kind of token is signed and verified", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const std::pair<TokenKind, nlohmann::json> kinds[] = {
        {TokenKind::ResidentCard, {{"unit", "3-2-301"}, {"name", "张*"}}},
        {TokenKind::StaffBadge, {{"staff_id", "S-1"}, {"name", "李"}}},
        {TokenKind::SurveyInvitation, {{"survey_id", "sv-2026q4"}, {"ticket", "R-1"}}},
        {TokenKind::Enrollment, {{"code", "ABCD1234"}, {"hq", "https://127.0.0.1:8443"}}},
    };
    for (const auto& [kind, data] : kinds) {
        TokenClaims c{kind, newTokenId(), kNow, kNow + 600, data};
        auto token = signToken(c, key);
        REQUIRE(token.ok());
        auto back = verifyToken(token.value(), key.publicKey, kNow);
        REQUIRE(back.ok());
        CHECK(back->kind == kind);
        CHECK(back->data == data);
    }
}

TEST_CASE("a token signed by another key is refused", "[protocol][qr]") {
    const SigningKey office = generateSigningKey();
    const SigningKey forger = generateSigningKey();
    auto result = verifyToken(signedBadge(forger), office.publicKey, kNow);
    REQUIRE_FALSE(result.ok());
    CHECK(mentions(result.error(), "signature does not verify"));
}

TEST_CASE("a token whose body or kind was altered is refused", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const std::string token = signedBadge(key);
    const auto firstDot = token.find('.');
    const auto secondDot = token.find('.', firstDot + 1);
    const auto thirdDot = token.find('.', secondDot + 1);

    // Same claims, but promoted to a resident card: the kind is signed too.
    std::string otherKind = token;
    otherKind.replace(firstDot + 1, 2, "rc");
    CHECK_FALSE(verifyToken(otherKind, key.publicKey, kNow).ok());

    // A forged body (longer expiry) under the original signature.
    TokenClaims forged = staffBadge();
    forged.expires_at = kNow + 10 * 365 * 86400;
    nlohmann::json body = forged.data;
    body["id"] = forged.id;
    body["iat"] = forged.issued_at;
    body["exp"] = forged.expires_at;
    std::string swapped = token.substr(0, secondDot + 1) + base64urlEncode(body.dump()) +
                          token.substr(thirdDot);
    auto result = verifyToken(swapped, key.publicKey, kNow);
    REQUIRE_FALSE(result.ok());
    CHECK(mentions(result.error(), "signature does not verify"));

    std::string flipped = token;
    flipped[secondDot + 3] = flipped[secondDot + 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(verifyToken(flipped, key.publicKey, kNow).ok());
}

TEST_CASE("an expired or not-yet-valid token is refused", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const std::string token = signedBadge(key);
    auto expired = verifyToken(token, key.publicKey, kNow + 3600);
    REQUIRE_FALSE(expired.ok());
    CHECK(mentions(expired.error(), "expired"));
    auto early = verifyToken(token, key.publicKey, kNow - 60 - kClockSkewSeconds - 1);
    REQUIRE_FALSE(early.ok());
    CHECK(mentions(early.error(), "not valid yet"));
    CHECK(verifyToken(token, key.publicKey, kNow - 60 - kClockSkewSeconds + 1).ok());
}

TEST_CASE("truncated tokens are refused at every length", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const std::string token = signedBadge(key);
    for (std::size_t n = 0; n < token.size(); ++n) {
        INFO(n);
        CHECK_FALSE(verifyToken(token.substr(0, n), key.publicKey, kNow).ok());
    }
}

TEST_CASE("garbage and foreign codes are refused with a plain reason", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    const char* garbage[] = {
        "",
        "https://example.com/pay?x=1",
        "wxp://f2f0abcdef",
        "HD1",
        "HD1.sb",
        "HD1.sb..",
        "HD1.zz.e30.AAAA",
        "HD2.sb.e30.AAAA",
        "HD1.sb.e30.!!!!",
        "HD1.sb.e30.AAAA.extra",
        "HD1.sb.e30=.AAAA",
        "\xff\xfe\x00garbage",
    };
    for (const char* g : garbage) {
        INFO(g);
        auto result = verifyToken(g, key.publicKey, kNow);
        REQUIRE_FALSE(result.ok());
        CHECK_FALSE(result.error().retryable);
    }
    CHECK_FALSE(verifyToken(std::string(5000, 'A'), key.publicKey, kNow).ok());
}

TEST_CASE("signing refuses claims that lack the kind's fields", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    TokenClaims c = staffBadge();
    c.data.erase("staff_id");
    CHECK_FALSE(signToken(c, key).ok());
    c = staffBadge();
    c.expires_at = c.issued_at;
    CHECK_FALSE(signToken(c, key).ok());
}

TEST_CASE("keys survive their text form and a tampered secret is refused", "[protocol][qr]") {
    const SigningKey key = generateSigningKey();
    auto back = signingKeyFrom(key.encoded());
    REQUIRE(back.ok());
    CHECK(back->publicKey.bytes == key.publicKey.bytes);
    auto pub = publicKeyFrom(key.publicKey.encoded());
    REQUIRE(pub.ok());
    CHECK(verifyToken(signedBadge(back.value()), pub.value(), kNow).ok());

    const SigningKey other = generateSigningKey();
    std::string mixed = key.encoded();
    auto mixedBytes = base64urlDecode(mixed).value();
    std::copy(other.publicKey.bytes.begin(), other.publicKey.bytes.end(), mixedBytes.begin() + 32);
    CHECK_FALSE(signingKeyFrom(base64urlEncode(mixedBytes.data(), mixedBytes.size())).ok());
    CHECK_FALSE(publicKeyFrom("too-short").ok());
}

TEST_CASE("a single-use token works once and a replay is refused", "[protocol][qr]") {
    ReplayGuard guard;
    CHECK(isSingleUse(TokenKind::Enrollment));
    CHECK(isSingleUse(TokenKind::SurveyInvitation));
    CHECK_FALSE(isSingleUse(TokenKind::StaffBadge));
    CHECK(guard.use("tok-1", kNow + 600, kNow) == ReplayGuard::Outcome::First);
    CHECK(guard.use("tok-1", kNow + 600, kNow + 10) == ReplayGuard::Outcome::Replayed);
    CHECK(guard.use("tok-2", kNow + 600, kNow + 10) == ReplayGuard::Outcome::First);
}

TEST_CASE("the replay guard fails closed when full and forgets expired ids", "[protocol][qr]") {
    ReplayGuard guard(2);
    CHECK(guard.use("a", kNow + 10, kNow) == ReplayGuard::Outcome::First);
    CHECK(guard.use("b", kNow + 100, kNow) == ReplayGuard::Outcome::First);
    CHECK(guard.use("c", kNow + 100, kNow) == ReplayGuard::Outcome::Full);
    CHECK(guard.use("c", kNow + 100, kNow + 20) == ReplayGuard::Outcome::First);  // a expired
    CHECK(guard.size() == 2);
    CHECK(guard.use("b", kNow + 100, kNow + 20) == ReplayGuard::Outcome::Replayed);
}
