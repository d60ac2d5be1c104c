// The head office's codes for terminals to scan: each kind issued reads back through the
// terminal's classifier, bad requests are refused, and the printable page escapes its labels.
#include <catch2/catch.hpp>

#include "sync/hq/console/code_sheet.hpp"
#include "sync/protocol/replay_file.hpp"
#include "sync/protocol/scan_payload.hpp"
#include "temp_dir.hpp"

using namespace homedesk;
using namespace homedesk::hq;

namespace {
constexpr std::int64_t kNow = 1'790'000'000;
}

TEST_CASE("issued codes read back on a terminal of the same community", "[hq][codes]") {
    const auto key = protocol::generateSigningKey();
    testing::TempDir dir;
    auto replay = protocol::ReplayFile::open(dir.file("replay"), kNow).value();
    const protocol::ScanContext terminal{"https://hq/t/", "c1", key.publicKey, kNow + 60,
                                         replay.get()};

    CodeRequest card{CodeRequest::Kind::Household, "c1", "b3", "2-301"};
    auto issued = issueCode(card, key, kNow);
    REQUIRE(issued.ok());
    auto read = protocol::classify(issued->token, terminal);
    CHECK(read.kind == ScanKind::HouseholdCard);
    CHECK(read.unit == "2-301");
    CHECK(issued->expiresAt == kNow + 365 * 86400);

    CodeRequest sticker{CodeRequest::Kind::Location, "c1", "b3", "", "b3-lift2", "EL-2"};
    auto place = protocol::classify(issueCode(sticker, key, kNow)->token, terminal);
    CHECK(place.kind == ScanKind::LocationSticker);
    CHECK(place.asset == "EL-2");

    CodeRequest badge{CodeRequest::Kind::StaffBadge, "c1"};
    badge.staffId = "S-7";
    badge.name = "王师傅";
    badge.pin = "2468";
    auto staff = protocol::classify(issueCode(badge, key, kNow)->token, terminal);
    REQUIRE(staff.kind == ScanKind::StaffBadge);
    CHECK(staff.checkPin("2468"));
    CHECK_FALSE(staff.checkPin("2469"));
}

TEST_CASE("bad code requests are refused", "[hq][codes]") {
    const auto key = protocol::generateSigningKey();
    CHECK_FALSE(issueCode({CodeRequest::Kind::Household, "c1", "b3", ""}, key, kNow).ok());
    CHECK_FALSE(issueCode({CodeRequest::Kind::Location, "c1", "b3"}, key, kNow).ok());
    CHECK_FALSE(issueCode({CodeRequest::Kind::Household, "c 1!", "b3", "1"}, key, kNow).ok());
    CodeRequest badge{CodeRequest::Kind::StaffBadge, "c1"};
    badge.staffId = "S";
    badge.name = "n";
    badge.pin = "12";
    CHECK_FALSE(issueCode(badge, key, kNow).ok());
    CodeRequest forever{CodeRequest::Kind::Household, "c1", "b3", "1"};
    forever.days = 100000;
    CHECK_FALSE(issueCode(forever, key, kNow).ok());
}

TEST_CASE("the printable page has every code and escapes its labels", "[hq][codes]") {
    const auto key = protocol::generateSigningKey();
    CodeRequest r{CodeRequest::Kind::Household, "c1", "b3", "2-301"};
    r.label = "<script>alert(1)</script> 3号楼";
    auto a = issueCode(r, key, kNow);
    REQUIRE(a.ok());
    auto page = codeSheet({a.value(), a.value()});
    REQUIRE(page.ok());
    CHECK(page->find("<script>") == std::string::npos);
    CHECK(page->find("&lt;script&gt;") != std::string::npos);
    std::size_t svgs = 0;
    for (auto at = page->find("<svg"); at != std::string::npos; at = page->find("<svg", at + 1))
        ++svgs;
    CHECK(svgs == 2);
}
