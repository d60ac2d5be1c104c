// Track my request: number, last four digits, lookup, timeline; not found, the pause after
// too many misses, Back, Home, the idle wipe, and bad input from a keyboard wedge.
#include <catch2/catch.hpp>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/track_flow.hpp"

using namespace homedesk;
using Step = TrackFlow::Step;

namespace {
TicketRecord ticket(Urgency urgency, std::vector<StatusEvent> history) {
    TicketRecord t;
    t.clientId = "c1";
    t.trackingCode = "12345678";
    t.urgency = urgency;
    t.createdAt = 1000;
    t.promisedBy = 1000 + promiseSeconds(urgency);
    t.history = std::move(history);
    t.status = t.history.empty() ? TicketStatus::Submitted : t.history.back().status;
    return t;
}
void type(KioskState& s, const std::string& keys, const ApplyContext& ctx = {}) {
    for (char k : keys) apply(s, intent::Key{k}, ctx);
}
}  // namespace

TEST_CASE("track: number, last four, lookup, timeline", "[core][track]") {
    TrackFlow f;
    TrackGuard guard;
    CHECK(f.setNumber("1234-5678"));
    CHECK(f.step() == Step::Last4);
    CHECK(f.number() == "1234-5678");
    const auto find = f.setLast4("5678", guard, 0);
    REQUIRE(find);
    CHECK(find->number == "1234-5678");
    CHECK(find->phoneLast4 == "5678");
    CHECK(f.step() == Step::Searching);
    f.found(ticket(Urgency::Normal, {{TicketStatus::Submitted, 1000, ""}}), guard, 0);
    CHECK(f.step() == Step::Found);
    REQUIRE(f.ticket());
    CHECK(f.back());
    CHECK(f.step() == Step::Number);
    CHECK(f.prefill() == "1234-5678");  // the number is kept for editing
    CHECK_FALSE(f.back());
}

TEST_CASE("track: not found keeps the number, retry needs only the four digits", "[core][track]") {
    TrackFlow f;
    TrackGuard guard;
    f.setNumber("R-000123");
    f.setLast4("0000", guard, 0);
    f.found(std::nullopt, guard, 0);
    CHECK(f.step() == Step::NotFound);
    f.retryLast4();
    CHECK(f.step() == Step::Last4);
    CHECK(f.number() == "R-000123");
    f.setLast4("0001", guard, 0);
    f.found(std::nullopt, guard, 0);
    f.changeNumber();
    CHECK(f.step() == Step::Number);
    CHECK(f.prefill() == "R-000123");
}

TEST_CASE("track: five misses pause the terminal, and a new session does not lift the pause", "[core][track]") {
    KioskState s;
    const ApplyContext ctx{5000, ""};
    for (int i = 0; i < TrackGuard::kMissesBeforePause; ++i) {
        apply(s, intent::Open{ScreenId::Track}, ctx);
        type(s, "12345678", ctx);
        apply(s, intent::Track{intent::Track::Kind::NumberDone}, ctx);
        type(s, "9999", ctx);
        apply(s, intent::Track{intent::Track::Kind::Last4Done}, ctx);
        REQUIRE(s.effects.size() == 1);
        s.effects.clear();
        s.flow<TrackFlow>()->found(std::nullopt, s.trackGuard, ctx.now);
        CHECK(s.flow<TrackFlow>()->step() == (i + 1 < TrackGuard::kMissesBeforePause ? Step::NotFound : Step::Paused));
        wipe(s);  // walking away and coming back
    }
    CHECK(s.trackGuard.paused(5000));
    CHECK(s.trackGuard.pausedUntil() == 5000 + TrackGuard::kPauseSeconds);
    apply(s, intent::Open{ScreenId::Track}, ctx);
    type(s, "12345678", ctx);
    apply(s, intent::Track{intent::Track::Kind::NumberDone}, ctx);
    type(s, "1234", ctx);
    apply(s, intent::Track{intent::Track::Kind::Last4Done}, ctx);
    CHECK(s.flow<TrackFlow>()->step() == Step::Paused);
    CHECK(s.effects.empty());  // no lookup while paused
    // After the pause a lookup runs again; a hit clears the count.
    const ApplyContext later{5000 + TrackGuard::kPauseSeconds, ""};
    apply(s, intent::Track{intent::Track::Kind::RetryLast4}, later);
    type(s, "1234", later);
    apply(s, intent::Track{intent::Track::Kind::Last4Done}, later);
    REQUIRE(s.effects.size() == 1);
    s.flow<TrackFlow>()->found(ticket(Urgency::Urgent, {}), s.trackGuard, later.now);
    CHECK(s.trackGuard.misses() == 0);
    // The next round of misses pauses twice as long.
    TrackGuard g;
    for (int i = 0; i < 2 * TrackGuard::kMissesBeforePause; ++i) g.miss(0);
    CHECK(g.pausedUntil() == 2 * TrackGuard::kPauseSeconds);
}

TEST_CASE("track: wrong last four and bad numbers are refused with a message, nothing lost", "[core][track]") {
    TrackFlow f;
    TrackGuard guard;
    CHECK_FALSE(f.setNumber(""));
    CHECK(f.lastError() == "track.error.number_empty");
    CHECK_FALSE(f.setNumber(" - "));
    CHECK(f.lastError() == "track.error.number_empty");
    CHECK_FALSE(f.setNumber(std::string(10000, '7')));
    CHECK(f.lastError() == "track.error.number");
    CHECK_FALSE(f.setNumber("1234\x01" "5678"));  // a control character from a wedge
    CHECK_FALSE(f.setNumber("12\n34"));
    CHECK_FALSE(f.setNumber("\xff\xfe\x80"));  // invalid UTF-8
    CHECK_FALSE(f.setNumber("工单123"));
    CHECK_FALSE(f.setNumber(std::string(21, '1')));
    CHECK(f.step() == Step::Number);
    CHECK(f.setNumber(" r-000123 "));
    CHECK(f.number() == "R-000123");
    CHECK(f.lastError().empty());
    CHECK_FALSE(f.setLast4("123", guard, 0));
    CHECK(f.lastError() == "track.error.last4");
    CHECK_FALSE(f.setLast4("12a4", guard, 0));
    CHECK_FALSE(f.setLast4(std::string(10000, '1'), guard, 0));
    CHECK(f.step() == Step::Last4);
    CHECK(f.number() == "R-000123");
    // The store failing is not "not found" and costs no try.
    f.setLast4("1234", guard, 0);
    f.lookupFailed();
    CHECK(f.step() == Step::Last4);
    CHECK(f.lastError() == "track.error.unavailable");
    CHECK(guard.misses() == 0);
}

TEST_CASE("track in the kiosk state: keypad entry, Back, Home and the wipe mid-flow", "[core][track]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Track});
    REQUIRE(s.flow<TrackFlow>());
    type(s, "1234-5678");
    apply(s, intent::Track{intent::Track::Kind::NumberDone});
    CHECK(s.flow<TrackFlow>()->step() == Step::Last4);
    CHECK(s.entry.empty());
    type(s, "56");
    apply(s, intent::Back{});  // back to the number, as typed
    CHECK(s.screen() == ScreenId::Track);
    CHECK(s.flow<TrackFlow>()->step() == Step::Number);
    CHECK(s.entry == "1234-5678");
    apply(s, intent::Back{});  // and out
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<TrackFlow>());
    CHECK(s.entry.empty());

    apply(s, intent::Open{ScreenId::Track});
    type(s, "1234");
    apply(s, intent::Home{});
    CHECK_FALSE(s.flow<TrackFlow>());
    CHECK(s.entry.empty());

    apply(s, intent::Open{ScreenId::Track});
    type(s, "87654321");
    apply(s, intent::Track{intent::Track::Kind::NumberDone});
    type(s, "12");
    wipe(s);
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<TrackFlow>());
    CHECK(s.entry.empty());

    // A late answer after the resident left changes nothing.
    apply(s, intent::Open{ScreenId::Track});
    TrackFlow& f = *s.flow<TrackFlow>();
    f.found(std::nullopt, s.trackGuard, 0);
    CHECK(f.step() == Step::Number);
    CHECK(s.trackGuard.misses() == 0);
}

TEST_CASE("the timeline: times, the promise met or late, overdue while waiting", "[core][track]") {
    // Urgent: accepted within 30 minutes is on time.
    auto stages = buildTimeline(ticket(Urgency::Urgent, {{TicketStatus::Submitted, 1000, ""},
                                                         {TicketStatus::Accepted, 1000 + 20 * 60, ""},
                                                         {TicketStatus::Dispatched, 1000 + 25 * 60, "王师傅 15:00"}}),
                                2000);
    REQUIRE(stages.size() == 6);
    CHECK(stages[0].status == TicketStatus::Submitted);
    CHECK(stages[0].at == 1000);
    CHECK(stages[1].promise == TimelineStage::Promise::Met);
    CHECK(stages[1].promisedBy == 1000 + 30 * 60);
    CHECK(stages[2].note == "王师傅 15:00");
    CHECK(stages[3].reached == false);
    CHECK(stages[5].promise == TimelineStage::Promise::None);

    // Urgent accepted after 45 minutes: late.
    stages = buildTimeline(ticket(Urgency::Urgent, {{TicketStatus::Accepted, 1000 + 45 * 60, ""}}), 99999);
    CHECK(stages[1].promise == TimelineStage::Promise::Late);

    // Normal, not dispatched yet: pending before the 24 hours, overdue after.
    const auto waiting = ticket(Urgency::Normal, {{TicketStatus::Submitted, 1000, ""}, {TicketStatus::Accepted, 2000, ""}});
    CHECK(buildTimeline(waiting, 1000 + 3600)[2].promise == TimelineStage::Promise::Pending);
    CHECK(buildTimeline(waiting, 1000 + 24 * 3600 + 1)[2].promise == TimelineStage::Promise::Overdue);

    // Resolved: the callback is promised within 24 hours of it; a status jumping ahead marks
    // the skipped stages as passed without inventing times.
    auto resolved = ticket(Urgency::Normal, {{TicketStatus::Resolved, 50000, ""}});
    stages = buildTimeline(resolved, 50000 + 25 * 3600);
    CHECK(stages[2].reached);
    CHECK_FALSE(stages[2].at);
    CHECK(stages[5].promisedBy == 50000 + 24 * 3600);
    CHECK(stages[5].promise == TimelineStage::Promise::Overdue);
}

TEST_CASE("track: a keyboard wedge's text is taken as far as the field allows, with a message", "[core][track][entry]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Track});
    apply(s, intent::Type{std::string(10000, '7')});
    CHECK(s.entry.size() == TrackFlow::kMaxNumber);
    CHECK(s.entryError == "entry.error.too_long");
    apply(s, intent::Back{});  // to Home; nothing kept
    CHECK(s.entry.empty());

    apply(s, intent::Open{ScreenId::Track});
    apply(s, intent::Type{"12\x01\x1b[A34"});  // control characters and an escape sequence
    CHECK_FALSE(s.entryError.empty());
    CHECK(s.entry.find('\x01') == std::string::npos);
    CHECK(s.entry.find('\x1b') == std::string::npos);
    s.entry.clear();
    apply(s, intent::Type{"\xff\xfe\xc3"});  // not UTF-8 at all
    CHECK_FALSE(s.entryError.empty());
    CHECK(s.entry.empty());
    apply(s, intent::Type{"r-000123"});  // a scanner typing the head office's number
    CHECK(s.entry == "R-000123");
    apply(s, intent::Track{intent::Track::Kind::NumberDone});
    REQUIRE(s.flow<TrackFlow>()->step() == Step::Last4);
    CHECK(s.entryError.empty());
    apply(s, intent::Type{"12a34567"});  // only four digits go in
    CHECK(s.entry == "1234");
    CHECK_FALSE(s.entryError.empty());
    apply(s, intent::Track{intent::Track::Kind::Last4Done});
    REQUIRE(s.effects.size() == 1);
    CHECK(std::get<effect::FindTicket>(s.effects[0]).number == "R-000123");
    CHECK(std::get<effect::FindTicket>(s.effects[0]).phoneLast4 == "1234");
}
