// The scan screen's flow and what each kind of code does to the terminal's state.
#include <catch2/catch.hpp>

#include "kiosk/core/kiosk_state.hpp"

using namespace homedesk;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;

Directory demoDirectory() {
    Directory d;
    d.community = {"示范小区", "Demo Gardens"};
    d.buildings = {{"b3", {"3号楼", "Building 3"}}};
    d.places = {{"b3-lift2", "b3", {"电梯 2号", "Lift 2"}}};
    return d;
}

struct Terminal {
    Directory directory = demoDirectory();
    KioskState s;
    Terminal() {
        s.directory = &directory;
        apply(s, intent::Open{ScreenId::Scan}, ctx());
    }
    static ApplyContext ctx() { return {kNow, "client-1"}; }
    void read(ScanResult r, int side = 300) {
        apply(s, intent::Scan{intent::Scan::Kind::Read, std::move(r), side, 720}, ctx());
    }
    void tap(intent::Scan::Kind k) { apply(s, intent::Scan{k, {}, 0, 0}, ctx()); }
};

ScanResult of(ScanKind kind) {
    ScanResult r;
    r.kind = kind;
    return r;
}

}  // namespace

TEST_CASE("a scanned receipt opens Track with its tracking code", "[scan]") {
    Terminal t;
    ScanResult r = of(ScanKind::TicketReceipt);
    r.ticketCode = "12345678";
    t.read(r);
    REQUIRE(t.s.flow<ScanFlow>()->step() == ScanFlow::Step::Result);
    t.tap(intent::Scan::Kind::Act);
    CHECK(t.s.screen() == ScreenId::Track);
    CHECK(t.s.flow<TrackFlow>()->number() == "12345678");
    CHECK(t.s.flow<TrackFlow>()->step() == TrackFlow::Step::Last4);
    CHECK_FALSE(t.s.flow<ScanFlow>());  // the scan screen is gone: Back goes Home
}

TEST_CASE("a household card starts a repair at that home", "[scan]") {
    Terminal t;
    ScanResult r = of(ScanKind::HouseholdCard);
    r.building = "b3";
    r.unit = "2-301";
    t.read(r);
    t.tap(intent::Scan::Kind::Act);
    REQUIRE(t.s.screen() == ScreenId::Repair);
    RepairFlow& f = *t.s.flow<RepairFlow>();
    REQUIRE(f.chooseCategory(RepairCategory::WaterElectric).accepted());
    CHECK(f.step() == RepairFlow::Step::Urgency);
    CHECK(f.draft().location.unit == "2-301");
    CHECK(f.draft().location.buildingId == "b3");
    CHECK(f.back());
    CHECK(f.step() == RepairFlow::Step::Unit);  // Back walks through what the card filled
}

TEST_CASE("a location sticker starts a repair at that place and asks for its open tickets", "[scan]") {
    Terminal t;
    ScanResult r = of(ScanKind::LocationSticker);
    r.building = "b3";
    r.place = "b3-lift2";
    t.read(r);
    t.tap(intent::Scan::Kind::Act);
    REQUIRE(t.s.screen() == ScreenId::Repair);
    auto out = t.s.flow<RepairFlow>()->chooseCategory(RepairCategory::Elevator);
    REQUIRE(out.effect);
    CHECK(std::get<effect::LoadOpenTickets>(*out.effect).placeId == "b3-lift2");

    Terminal unknown;
    r.place = "nowhere";
    unknown.read(r);
    unknown.tap(intent::Scan::Kind::Act);
    auto& f = *unknown.s.flow<RepairFlow>();
    f.chooseCategory(RepairCategory::Elevator);
    CHECK(f.step() == RepairFlow::Step::Place);  // the resident picks the place
    CHECK(f.lastError().empty());
}

TEST_CASE("a refused code says why and opens nothing", "[scan]") {
    Terminal t;
    ScanResult r;
    r.refusal = ScanRefusal::Forged;
    t.read(r);
    CHECK(t.s.flow<ScanFlow>()->step() == ScanFlow::Step::Refused);
    CHECK(refusalKey(t.s.flow<ScanFlow>()->result().refusal) == "scan.refused.forged");
    t.tap(intent::Scan::Kind::Act);
    CHECK(t.s.screen() == ScreenId::Scan);
    t.tap(intent::Scan::Kind::Again);
    CHECK(t.s.flow<ScanFlow>()->step() == ScanFlow::Step::Aim);
}

TEST_CASE("a staff badge asks for the PIN, pauses after five wrong ones, then opens Sync", "[scan]") {
    Terminal t;
    ScanResult badge = of(ScanKind::StaffBadge);
    badge.checkPin = [](std::string_view pin) { return pin == "4321"; };
    t.read(badge);
    REQUIRE(t.s.flow<ScanFlow>()->step() == ScanFlow::Step::StaffPin);
    CHECK(entrySpec(t.s).mode == EntryMode::Digits);
    for (int i = 0; i < TrackGuard::kMissesBeforePause; ++i) {
        t.s.entry = "0000";
        t.tap(intent::Scan::Kind::PinDone);
    }
    CHECK(t.s.flow<ScanFlow>()->lastError() == "scan.error.pin_paused");
    t.s.entry = "4321";
    t.tap(intent::Scan::Kind::PinDone);
    CHECK(t.s.screen() == ScreenId::Scan);  // paused: even the right PIN waits
    t.s.pinGuard.hit();
    t.s.entry = "4321";
    t.tap(intent::Scan::Kind::PinDone);
    CHECK(t.s.screen() == ScreenId::Sync);
}

TEST_CASE("the keypad takes a tracking code instead of the camera", "[scan]") {
    Terminal t;
    t.tap(intent::Scan::Kind::Keypad);
    t.s.entry = "1234";
    t.tap(intent::Scan::Kind::CodeDone);
    CHECK(t.s.flow<ScanFlow>()->lastError() == "scan.error.code");
    t.s.entry = "12345678";
    t.tap(intent::Scan::Kind::CodeDone);
    CHECK(t.s.screen() == ScreenId::Track);
}

TEST_CASE("a scanner wedge's code on another screen opens Scan and too close and too far are told", "[scan]") {
    Terminal t;
    apply(t.s, intent::Home{}, Terminal::ctx());
    ScanResult r = of(ScanKind::SurveyInvitation);
    r.surveyId = "sv-q4";
    t.read(r, 700);
    REQUIRE(t.s.screen() == ScreenId::Scan);
    CHECK(t.s.flow<ScanFlow>()->distance() == ScanFlow::Distance::TooClose);
    apply(t.s, intent::Scan{intent::Scan::Kind::Sized, {}, 60, 720}, Terminal::ctx());
    CHECK(t.s.flow<ScanFlow>()->distance() == ScanFlow::Distance::TooFar);
    t.tap(intent::Scan::Kind::Act);
    CHECK(t.s.screen() == ScreenId::Survey);
}
