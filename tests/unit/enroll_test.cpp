// The enrollment form and where it stands in the kiosk's state; the footer's sync summary.
#include <catch2/catch.hpp>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/sync_status.hpp"

using namespace homedesk;
using K = intent::Enroll::Kind;

TEST_CASE("an enrollment code is typed in any case, with spaces or dashes, and nothing else", "[core][enroll]") {
    EnrollForm f;
    f.type("abcde-2345");
    CHECK(f.code() == "ABCDE2345");
    CHECK(f.errorKey().empty());
    CHECK_FALSE(f.complete());
    CHECK_FALSE(f.submit().has_value());
    CHECK(f.errorKey() == "enroll.error.too_short");
    f.type("6 7");  // the 11th character does not fit
    CHECK(f.code() == "ABCDE23456");
    CHECK(f.errorKey() == "enroll.error.too_long");
    f.backspace();
    f.type("0");  // zero is in no code (nor O, 1, I, L): refused, the rest kept
    CHECK(f.code() == "ABCDE2345");
    CHECK(f.errorKey() == "enroll.error.character");
    f.type("电");
    CHECK(f.code() == "ABCDE2345");
    f.type("Z");
    REQUIRE(f.complete());
    auto sent = f.submit();
    REQUIRE(sent.has_value());
    CHECK(*sent == "ABCDE2345Z");
    CHECK(f.phase() == EnrollForm::Phase::Working);
    f.type("X");  // nothing changes while the head office is asked
    f.backspace();
    CHECK(f.code() == "ABCDE2345Z");
    CHECK_FALSE(f.submit().has_value());
    f.failed("enroll.error.used");
    CHECK(f.phase() == EnrollForm::Phase::Failed);
    CHECK(f.code() == "ABCDE2345Z");  // kept: one wrong character is fixed, not retyped
    f.backspace();
    CHECK(f.phase() == EnrollForm::Phase::Typing);
    CHECK(f.errorKey().empty());
}

TEST_CASE("an unenrolled terminal shows Enroll instead of Home until it has enrolled", "[core][enroll]") {
    KioskState s;
    requireEnrollment(s);
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.atHome());  // nothing below it: no Back, no Home
    apply(s, intent::Home{});
    CHECK(s.screen() == ScreenId::Enroll);
    apply(s, intent::Open{ScreenId::Sync});  // the footer's sync status still opens
    CHECK(s.screen() == ScreenId::Sync);
    apply(s, intent::Back{});
    CHECK(s.screen() == ScreenId::Enroll);

    apply(s, intent::Enroll{K::Type, "ABCDE"});
    wipe(s);  // the idle wipe keeps the form, not what was typed
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.enroll->code().empty());

    apply(s, intent::Enroll{K::Type, "ABCDE23456"});
    apply(s, intent::Enroll{K::Submit, {}});
    REQUIRE(s.enrollRequest.has_value());
    CHECK(*s.enrollRequest == "ABCDE23456");
    wipe(s);  // a wipe while the head office is asked loses nothing
    CHECK(s.enroll->phase() == EnrollForm::Phase::Working);
    CHECK(s.enroll->code() == "ABCDE23456");

    enrollmentFinished(s, false, "enroll.error.unknown");
    CHECK(s.screen() == ScreenId::Enroll);
    CHECK(s.enroll->errorKey() == "enroll.error.unknown");

    s.enrollRequest.reset();
    apply(s, intent::Enroll{K::Submit, {}});
    enrollmentFinished(s, true, "");
    CHECK(s.screen() == ScreenId::Home);
    CHECK_FALSE(s.enroll.has_value());
    CHECK_FALSE(s.enrollRequest.has_value());
}

TEST_CASE("once enrolled, nothing a resident does reaches enrollment", "[core][enroll]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Enroll});
    CHECK(s.screen() == ScreenId::Home);
    apply(s, intent::Enroll{K::Type, "ABCDE23456"});
    apply(s, intent::Enroll{K::Submit, {}});
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
