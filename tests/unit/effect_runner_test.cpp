// The effect runner on a real store, without a window: a flow's Submit is committed with its
// outbox item and answered into the flow that asked, whichever flow that is.
#include <catch2/catch.hpp>

#include "kiosk/app/effect_runner.hpp"
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_surveys.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "kiosk/store/store_open.hpp"
#include "tests/unit/sync/temp_dir.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;

namespace {

struct Stores {
    testing::TempDir dir;
    std::string db = store::databasePath(dir.path().string());
    std::string key = store::keyPath(dir.path().string());
    std::unique_ptr<store::TerminalDb> uiDb = store::TerminalDb::open(db, key).value();
    app::EffectRunner runner{{uiDb->tickets(), uiDb->surveys(), uiDb->notices()}};
};

// A complaint up to its read-back, confirmed: the Submit effect waits in the state.
void fileComplaint(KioskState& s, const std::string& clientId) {
    apply(s, intent::Open{ScreenId::Complaint});
    using K = intent::Complaint::Kind;
    apply(s, intent::Complaint{K::Category, "", ComplaintCategory::Environment});
    apply(s, intent::Type{"楼道堆放杂物"});
    apply(s, intent::Complaint{K::FinishDescription});
    apply(s, intent::Complaint{K::Route, "", ComplaintCategory::Other, false});
    apply(s, intent::Complaint{K::Identity, "", ComplaintCategory::Other, true});
    apply(s, intent::Complaint{K::Confirm}, {1'764'000'000, clientId});
}

}  // namespace

TEST_CASE("the effect runner commits a complaint and answers its receipt into the complaint flow",
          "[app][effects]") {
    Stores st;
    KioskState s;
    fileComplaint(s, "c-complaint-1");
    REQUIRE(s.effects.size() == 1);
    const auto outcome = st.runner.run(s, 1'764'000'000);
    CHECK(s.effects.empty());
    CHECK(outcome.committed);
    REQUIRE(outcome.receiptCode);
    const auto* flow = s.flow<ComplaintFlow>();
    REQUIRE(flow);
    CHECK(flow->step() == ComplaintFlow::Step::Receipt);
    REQUIRE(flow->receipt());
    CHECK(flow->receipt()->trackingCode == *outcome.receiptCode);
    CHECK_FALSE(flow->receipt()->delivered);
    // In the store with its outbox item, queued for the head office.
    auto outbox = homedesk::store::testing::openOutbox(st.db, st.key);
    REQUIRE(outbox.ok());
    auto pending = outbox->pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    CHECK(pending->front().clientId == "c-complaint-1");
    CHECK(pending->front().kind == "complaint");
}

TEST_CASE("an effect whose flow was closed meanwhile does nothing", "[app][effects]") {
    Stores st;
    KioskState s;
    fileComplaint(s, "c-closed");
    apply(s, intent::Home{});  // the resident left before the store was asked
    REQUIRE(s.effects.size() == 1);
    const auto outcome = st.runner.run(s, 1'764'000'000);
    CHECK_FALSE(outcome.committed);
    CHECK_FALSE(outcome.receiptCode);
    auto outbox = homedesk::store::testing::openOutbox(st.db, st.key);
    REQUIRE(outbox.ok());
    CHECK(outbox->pending(10)->empty());
}
