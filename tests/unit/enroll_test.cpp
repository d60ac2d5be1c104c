// The enrollment form and where it stands in the kiosk's state; the footer's sync summary.
#include <catch2/catch.hpp>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/sync_status.hpp"

using namespace homedesk;

TEST_CASE("an enrollment code is checked against the code alphabet when it is sent", "[core][enroll]") {
    std::string why;
    CHECK(EnrollForm::normalize("abcde-23456", why) == std::optional<std::string>("ABCDE23456"));
    CHECK(why.empty());
    CHECK(EnrollForm::normalize(" ABCDE 23456 ", why).has_value());
    CHECK_FALSE(EnrollForm::normalize("ABCDE2345", why));
    CHECK(why == "enroll.error.too_short");
    CHECK_FALSE(EnrollForm::normalize("ABCDE234567", why));
    CHECK(why == "enroll.error.too_long");
    for (const char* wrong : {"ABCDE2345O", "ABCDE23450", "ABCDE2345I", "ABCDE23451", "ABCDE2345L", "ABCDE2345电"}) {
        INFO(wrong);
        CHECK_FALSE(EnrollForm::normalize(wrong, why));
        CHECK(why == "enroll.error.character");  // O/0, I/L/1 are in no code: the message lists what is
    }
    CHECK(EnrollForm::codeLength("AB-CD") == 4);
}

TEST_CASE("an unenrolled terminal shows Enroll instead of Home until it has enrolled", "[core][enroll]") {
    KioskState s;
    requireEnrollment(s);
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.atHome());  // nothing below it: no Back, no Home
    CHECK(entrySpec(s).mode == EntryMode::Code);
    apply(s, intent::Home{});
    CHECK(s.screen() == ScreenId::Enroll);
    apply(s, intent::Open{ScreenId::Sync});  // the footer's sync status still opens
    CHECK(s.screen() == ScreenId::Sync);
    apply(s, intent::Back{});
    CHECK(s.screen() == ScreenId::Enroll);

    apply(s, intent::Type{"abcde"});
    CHECK(s.entry == "ABCDE");
    wipe(s);  // the idle wipe keeps the form, not what was typed
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.entry.empty());

    apply(s, intent::Type{"ABCDE2345"});
    apply(s, intent::Enroll{});
    CHECK_FALSE(s.enrollRequest.has_value());
    CHECK(s.enroll->errorKey() == "enroll.error.too_short");
    apply(s, intent::Type{"6"});
    CHECK(s.enroll->errorKey().empty());  // typing again clears the refusal
    apply(s, intent::Enroll{});
    REQUIRE(s.enrollRequest.has_value());
    CHECK(*s.enrollRequest == "ABCDE23456");
    CHECK(s.enroll->working());
    apply(s, intent::Type{"X"});  // nothing changes while the head office is asked
    apply(s, intent::Key{intent::Key::kBackspace});
    CHECK(s.entry == "ABCDE23456");
    apply(s, intent::Enroll{});
    wipe(s);  // a wipe while the head office is asked loses nothing of the request
    CHECK(s.enroll->working());

    enrollmentFinished(s, false, "enroll.error.unknown");
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.enroll->phase() == EnrollForm::Phase::Failed);
    CHECK(s.enroll->errorKey() == "enroll.error.unknown");

    s.enrollRequest.reset();
    apply(s, intent::Type{"ABCDE23456"});
    apply(s, intent::Enroll{});
    REQUIRE(s.enrollRequest.has_value());
    enrollmentFinished(s, true, "");
    CHECK(s.screen() == ScreenId::Home);
    CHECK_FALSE(s.enroll.has_value());
    CHECK_FALSE(s.enrollRequest.has_value());
    CHECK(s.entry.empty());
}

TEST_CASE("once enrolled, nothing a resident does reaches enrollment", "[core][enroll]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Enroll});
    CHECK(s.screen() == ScreenId::Home);
    apply(s, intent::Type{"ABCDE23456"});
    apply(s, intent::Enroll{});
    CHECK_FALSE(s.enrollRequest.has_value());
    CHECK_FALSE(s.enroll.has_value());
    wipe(s);
    CHECK(s.screen() == ScreenId::Home);
    enrollmentFinished(s, true, "");  // a late answer changes nothing
    CHECK(s.screen() == ScreenId::Home);
}

TEST_CASE("the footer's sync summary follows the engine's state", "[core][sync]") {
    SyncSnapshot s;
    CHECK(syncLight(s) == SyncLight::NotConfigured);
    s.configured = true;
    CHECK(syncLight(s) == SyncLight::NotEnrolled);
    s.enrolled = true;
    CHECK(syncLight(s) == SyncLight::Connecting);
    s.contacted = true;
    CHECK(syncLight(s) == SyncLight::Synced);
    s.queued = 3;
    CHECK(syncLight(s) == SyncLight::Sending);
    s.failing = true;
    CHECK(syncLight(s) == SyncLight::Offline);
    s.needsAttention = true;
    CHECK(syncLight(s) == SyncLight::Attention);
    CHECK(syncLightName(SyncLight::Offline) == "offline");
    CHECK(syncLightKey(SyncLight::Synced) == "sync.light.synced");
}

TEST_CASE("a look at the Sync screen in the middle of a flow loses nothing typed", "[core][sync]") {
    Directory dir;
    dir.buildings.push_back({"b3", {"3号楼", "Building 3"}});
    KioskState s;
    s.directory = &dir;
    apply(s, intent::Open{ScreenId::Repair});
    apply(s, intent::Repair{intent::Repair::Kind::Category, {}, RepairCategory::Other});
    apply(s, intent::Repair{intent::Repair::Kind::Home});
    apply(s, intent::Repair{intent::Repair::Kind::Building, "b3"});
    REQUIRE(s.flow<RepairFlow>()->step() == RepairFlow::Step::Unit);
    apply(s, intent::Type{"2-12"});
    apply(s, intent::Open{ScreenId::Sync});
    CHECK(s.screen() == ScreenId::Sync);
    apply(s, intent::Type{"99"});  // no field on the Sync screen
    apply(s, intent::Back{});
    CHECK(s.screen() == ScreenId::Repair);
    CHECK(s.flow<RepairFlow>()->step() == RepairFlow::Step::Unit);
    CHECK(s.entry == "2-12");
    apply(s, intent::Open{ScreenId::Sync});
    apply(s, intent::Home{});  // Home still ends the flow
    CHECK_FALSE(s.flow<RepairFlow>());
    CHECK(s.entry.empty());
}
