// The scanned-payload classifier: every kind, valid and refused (forged, expired, wrong
// community, replayed across a restart with a real file, truncated, oversized, junk).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <random>
#include <string>

#include "sync/protocol/qr_token.hpp"
#include "sync/protocol/replay_file.hpp"
#include "sync/protocol/scan_payload.hpp"
#include "temp_dir.hpp"

using namespace homedesk;
using namespace homedesk::protocol;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;
const char* kUrl = "https://hq.example.cn/t/";

struct Office {
    SigningKey key = generateSigningKey();
    testing::TempDir dir;
    std::unique_ptr<ReplayFile> replay = ReplayFile::open(dir.file("replay"), kNow).value();

    ScanContext context(std::int64_t now = kNow) const {
        return ScanContext{kUrl, "c1", key.publicKey, now, replay.get()};
    }
    std::string sign(TokenKind kind, nlohmann::json data, std::int64_t ttl = 3600) const {
        auto token =
            signToken(TokenClaims{kind, newTokenId(), kNow - 10, kNow + ttl, std::move(data)}, key);
        REQUIRE(token.ok());
        return token.value();
    }
};

nlohmann::json household(const char* community = "c1") {
    return {{"community", community}, {"building", "b3"}, {"unit", "2-301"}};
}

}  // namespace

TEST_CASE("a receipt's own QR is a ticket receipt with its tracking code", "[protocol][scan]") {
    Office o;
    auto r = classify(std::string(kUrl) + "12345678", o.context());
    REQUIRE(r.kind == ScanKind::TicketReceipt);
    CHECK(r.ticketCode == "12345678");
    // A scanner's line end is not part of the code.
    CHECK(classify(std::string(kUrl) + "87654321\r\n", o.context()).ticketCode == "87654321");
    // Another site, a short or lettered code: not ours, never opened.
    CHECK(classify("https://evil.example/t/12345678", o.context()).refusal == ScanRefusal::NotOurs);
    CHECK(classify(std::string(kUrl) + "1234567", o.context()).refusal == ScanRefusal::NotOurs);
    CHECK(classify(std::string(kUrl) + "1234567a", o.context()).refusal == ScanRefusal::NotOurs);
    CHECK(classify(std::string(kUrl) + "12345678/../x", o.context()).refusal ==
          ScanRefusal::NotOurs);
}

TEST_CASE("every signed kind is read with its fields", "[protocol][scan]") {
    Office o;
    auto hc = classify(o.sign(TokenKind::HouseholdCard, household()), o.context());
    REQUIRE(hc.kind == ScanKind::HouseholdCard);
    CHECK(hc.building == "b3");
    CHECK(hc.unit == "2-301");

    auto lc = classify(
        o.sign(
            TokenKind::LocationSticker,
            {{"community", "c1"}, {"building", "b3"}, {"place", "3号楼电梯"}, {"asset", "EL-3"}}),
        o.context());
    REQUIRE(lc.kind == ScanKind::LocationSticker);
    CHECK(lc.place == "3号楼电梯");
    CHECK(lc.asset == "EL-3");

    auto sb = classify(o.sign(TokenKind::StaffBadge, {{"staff_id", "S-7"}, {"name", "王师傅"}}),
                       o.context());
    REQUIRE(sb.kind == ScanKind::StaffBadge);
    CHECK(sb.staffId == "S-7");

    TokenClaims badge{TokenKind::StaffBadge,
                      newTokenId(),
                      kNow,
                      kNow + 600,
                      {{"staff_id", "S-8"}, {"name", "李"}}};
    badge.data["pin"] = staffPinHash("4321", badge.id);
    auto withPin = classify(signToken(badge, o.key).value(), o.context());
    REQUIRE(withPin.checkPin);
    CHECK(withPin.checkPin("4321"));
    CHECK_FALSE(withPin.checkPin("4322"));
    CHECK_FALSE(withPin.checkPin(""));
    CHECK_FALSE(sb.checkPin("4321"));  // a badge with no PIN opens nothing

    auto sv =
        classify(o.sign(TokenKind::SurveyInvitation, {{"survey_id", "sv-q4"}, {"ticket", "R-12"}}),
                 o.context());
    REQUIRE(sv.kind == ScanKind::SurveyInvitation);
    CHECK(sv.surveyId == "sv-q4");
    CHECK(sv.ticket == "R-12");

    auto en = classify(o.sign(TokenKind::Enrollment, {{"code", "ABCD1234"}, {"hq", "https://hq"}}),
                       o.context());
    REQUIRE(en.kind == ScanKind::EnrollmentCode);
    CHECK(en.enrollCode == "ABCD1234");
}

TEST_CASE("forged, altered, expired and early codes are refused", "[protocol][scan]") {
    Office o;
    Office forger;
    const std::string card = forger.sign(TokenKind::HouseholdCard, household());
    CHECK(classify(card, o.context()).refusal == ScanRefusal::Forged);

    std::string altered = o.sign(TokenKind::HouseholdCard, household());
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    const auto r = classify(altered, o.context());
    CHECK_FALSE(r.ok());
    CHECK((r.refusal == ScanRefusal::Forged || r.refusal == ScanRefusal::Malformed));

    const std::string card2 = o.sign(TokenKind::HouseholdCard, household(), 600);
    CHECK(classify(card2, o.context(kNow + 600)).refusal == ScanRefusal::Expired);
    CHECK(classify(card2, o.context(kNow - 10 - kClockSkewSeconds - 1)).refusal ==
          ScanRefusal::Expired);
    CHECK(classify(card2, o.context(kNow + 599)).ok());
}

TEST_CASE("a code for another community is refused", "[protocol][scan]") {
    Office o;
    CHECK(classify(o.sign(TokenKind::HouseholdCard, household("c2")), o.context()).refusal ==
          ScanRefusal::WrongCommunity);
    CHECK(classify(o.sign(TokenKind::LocationSticker, {{"community", "c2"}, {"place", "大门"}}),
                   o.context())
              .refusal == ScanRefusal::WrongCommunity);
    CHECK(classify(o.sign(TokenKind::StaffBadge,
                          {{"staff_id", "S"}, {"name", "n"}, {"community", "c9"}}),
                   o.context())
              .refusal == ScanRefusal::WrongCommunity);
}

TEST_CASE("a single-use code is refused the second time, also after a restart",
          "[protocol][scan]") {
    Office o;
    const std::string invite = o.sign(TokenKind::SurveyInvitation, {{"survey_id", "sv-q4"}});
    const std::string other = o.sign(TokenKind::SurveyInvitation, {{"survey_id", "sv-q4"}});
    CHECK(classify(invite, o.context()).ok());
    CHECK(classify(invite, o.context(kNow + 5)).refusal == ScanRefusal::Replayed);

    o.replay.reset();  // the terminal restarts: a new process reads the same file
    o.replay = ReplayFile::open(o.dir.file("replay"), kNow + 10).value();
    CHECK(o.replay->size() == 1);
    CHECK(classify(invite, o.context(kNow + 10)).refusal == ScanRefusal::Replayed);
    CHECK(classify(other, o.context(kNow + 10)).ok());

    struct stat st {};
    REQUIRE(::stat(o.dir.file("replay").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // Reusable kinds are not remembered: a household card works every time.
    const std::string card = o.sign(TokenKind::HouseholdCard, household());
    CHECK(classify(card, o.context()).ok());
    CHECK(classify(card, o.context()).ok());
    // Without a replay file, single-use codes do not pass.
    ScanContext none = o.context();
    none.replay = nullptr;
    CHECK(classify(o.sign(TokenKind::SurveyInvitation, {{"survey_id", "x"}}), none).refusal ==
          ScanRefusal::Replayed);
}

TEST_CASE("expired ids are forgotten when the replay file is read again", "[protocol][scan]") {
    Office o;
    REQUIRE(o.replay->use("short", kNow + 5, kNow) == ReplayGuard::Outcome::First);
    REQUIRE(o.replay->use("long", kNow + 500, kNow) == ReplayGuard::Outcome::First);
    auto again = ReplayFile::open(o.dir.file("replay"), kNow + 10).value();
    CHECK(again->size() == 1);
    CHECK(again->use("long", kNow + 500, kNow + 10) == ReplayGuard::Outcome::Replayed);
    CHECK(again->use("short", kNow + 50, kNow + 10) == ReplayGuard::Outcome::First);
}

TEST_CASE("payment codes, URLs, junk, truncated and oversized codes are refused",
          "[protocol][scan]") {
    Office o;
    const auto refusal = [&](std::string_view s) { return classify(s, o.context()).refusal; };
    CHECK(refusal("") == ScanRefusal::Empty);
    CHECK(refusal(" \r\n") == ScanRefusal::Empty);
    CHECK(refusal("https://qr.alipay.com/fkx12345abcdef") == ScanRefusal::NotOurs);
    CHECK(refusal("wxp://f2f0abcdefghijk") == ScanRefusal::NotOurs);
    CHECK(refusal("http://example.com/phish") == ScanRefusal::NotOurs);
    CHECK(refusal("134567890123456789") == ScanRefusal::NotOurs);  // a payment barcode
    CHECK(refusal("你好") == ScanRefusal::NotOurs);
    CHECK(refusal(std::string("HD1.hc.\0\x01", 9)) == ScanRefusal::NotOurs);
    CHECK(refusal(std::string(kMaxScanBytes + 1, 'A')) == ScanRefusal::TooLong);
    CHECK(refusal("HD1." + std::string(kMaxTokenBytes, 'A')) == ScanRefusal::TooLong);
    CHECK(refusal("HD1.rc.x.y") == ScanRefusal::Malformed);

    const std::string card = o.sign(TokenKind::HouseholdCard, household());
    for (std::size_t n = 4; n < card.size(); n += 7) {
        CAPTURE(n);
        CHECK_FALSE(classify(card.substr(0, n), o.context()).ok());
    }
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        std::string junk(rng() % 300, '\0');
        for (char& c : junk) c = static_cast<char>(rng());
        CHECK_FALSE(classify(junk, o.context()).ok());
    }
}

TEST_CASE("before enrollment only an enrollment code is read", "[protocol][scan]") {
    Office o;
    ScanContext fresh{kUrl, "", std::nullopt, kNow, o.replay.get()};
    auto en = classify(o.sign(TokenKind::Enrollment, {{"code", "ABCD1234"}, {"hq", "https://hq"}}),
                       fresh);
    REQUIRE(en.kind == ScanKind::EnrollmentCode);
    CHECK(en.enrollCode == "ABCD1234");
    CHECK(en.hq.empty());  // unverified: the URL it names is not taken
    CHECK(classify(o.sign(TokenKind::HouseholdCard, household()), fresh).refusal ==
          ScanRefusal::NoKey);
    CHECK(classify("HD1.en.!!!.x", fresh).refusal == ScanRefusal::Malformed);
}

// libFuzzer's entry (a later build wires -fsanitize=fuzzer to it): any bytes, no crash, and a
// refused payload carries no fields.
int fuzzOne(const std::uint8_t* data, std::size_t size) {
    static Office office;
    const auto r =
        classify(std::string_view(reinterpret_cast<const char*>(data), size), office.context());
    if (!r.ok() && !(r.ticketCode.empty() && r.unit.empty() && r.enrollCode.empty()))
        __builtin_trap();
    return 0;
}

TEST_CASE("the fuzz entry takes arbitrary bytes", "[protocol][scan]") {
    std::mt19937 rng(11);
    for (int i = 0; i < 300; ++i) {
        std::vector<std::uint8_t> bytes(rng() % 900);
        for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
        if (i % 3 == 0 && bytes.size() > 8) std::copy_n("HD1.sv.", 7, bytes.begin());
        CHECK(fuzzOne(bytes.data(), bytes.size()) == 0);
    }
}
