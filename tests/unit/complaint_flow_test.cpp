#include <catch2/catch.hpp>

#include "kiosk/core/complaint_flow.hpp"
#include "kiosk/core/kiosk_state.hpp"

using namespace homedesk;
using Step = ComplaintFlow::Step;

namespace {
void toIdentity(ComplaintFlow& f) {
    REQUIRE(f.chooseCategory(ComplaintCategory::Environment).accepted());
    REQUIRE(f.addPhrase("垃圾清运不及时").accepted());
    REQUIRE(f.addPhrase("有异味").accepted());
    REQUIRE(f.finishDescription().accepted());
    REQUIRE(f.chooseRoute(true).accepted());
    REQUIRE(f.step() == Step::Identity);
}
}  // namespace

TEST_CASE("a named complaint goes from category to a durable receipt", "[core][complaint]") {
    ComplaintFlow f;
    CHECK(f.step() == Step::Category);
    toIdentity(f);
    REQUIRE(f.chooseAnonymous(false).accepted());
    CHECK(f.step() == Step::Phone);
    REQUIRE(f.setPhone("13800001234").accepted());
    CHECK(f.step() == Step::Confirm);
    const FlowOutcome out = f.confirm("complaint-1", 1'790'000'000);
    REQUIRE(out.effect);
    const auto& t = std::get<effect::Submit>(*out.effect).ticket;
    CHECK(t.kind == TicketKind::Complaint);
    CHECK(t.complaintCategory == ComplaintCategory::Environment);
    CHECK(t.description == "垃圾清运不及时，有异味");
    CHECK(t.toGeneralManager);
    CHECK_FALSE(t.anonymous);
    CHECK(t.phone == "13800001234");
    CHECK(t.urgency == Urgency::Normal);
    CHECK(t.createdAt == 1'790'000'000);
    CHECK(f.step() == Step::Submitting);
    CHECK(f.back());  // Back while saving waits
    CHECK(f.step() == Step::Submitting);
    f.submitted({"complaint-1", "K7P2QX", false, 1'790'086'400});
    CHECK(f.step() == Step::Receipt);
    CHECK(f.receipt()->trackingCode == "K7P2QX");
    CHECK(f.draft().phone.empty());
    CHECK_FALSE(f.back());  // Back from the receipt leaves the flow
}

TEST_CASE("an anonymous complaint asks for no phone and keeps none", "[core][complaint]") {
    ComplaintFlow f;
    toIdentity(f);
    // A resident who first chose to leave a number, typed it, then went back and chose anonymous.
    f.chooseAnonymous(false);
    f.setPhone("13800001234");
    REQUIRE(f.back());
    REQUIRE(f.back());
    REQUIRE(f.step() == Step::Identity);
    REQUIRE(f.chooseAnonymous(true).accepted());
    CHECK(f.step() == Step::Confirm);  // no phone step
    CHECK(f.draft().phone.empty());
    const auto t = std::get<effect::Submit>(*f.confirm("complaint-2", 5).effect).ticket;
    CHECK(t.anonymous);
    CHECK(t.phone.empty());
    CHECK(t.toGeneralManager);
}

TEST_CASE("complaint: Back retraces every step, keeps the draft, then leaves", "[core][complaint]") {
    ComplaintFlow f;
    toIdentity(f);
    f.chooseAnonymous(false);
    f.setPhone("13800001234");
    const Step expected[] = {Step::Phone, Step::Identity, Step::Route, Step::Description, Step::Category};
    for (Step s : expected) {
        REQUIRE(f.back());
        CHECK(f.step() == s);
    }
    CHECK_FALSE(f.back());
    CHECK(f.draft().description == "垃圾清运不及时，有异味");
}

TEST_CASE("complaint: bad input is refused with a message and nothing typed is lost", "[core][complaint]") {
    ComplaintFlow f;
    f.chooseCategory(ComplaintCategory::Neighbours);
    CHECK(f.finishDescription().errorKey == "complaint.error.description_empty");
    CHECK(f.setDescription("   ").accepted());
    CHECK(f.finishDescription().errorKey == "complaint.error.description_empty");
    REQUIRE(f.setDescription("楼上噪音").accepted());

    // 10,000 characters: refused whole; the text before is still there.
    CHECK(f.setDescription(std::string(10'000, 'x')).errorKey == "complaint.error.description_too_long");
    CHECK(f.draft().description == "楼上噪音");
    CHECK(f.lastError() == "complaint.error.description_too_long");
    // 500 is the limit, in characters, not bytes.
    std::string five00;
    for (int i = 0; i < 500; ++i) five00 += "噪";
    CHECK(f.setDescription(five00).accepted());
    CHECK(f.setDescription(five00 + "x").errorKey == "complaint.error.description_too_long");
    CHECK(f.draft().description == five00);
    CHECK(f.addPhrase("有异味").errorKey == "complaint.error.description_too_long");
    CHECK(f.draft().description == five00);

    // Emoji, control characters and invalid bytes are left out, the rest kept, and it says so.
    CHECK(f.setDescription("楼上噪音 😀\x01\x1b[2J \xff\xfe晚上").errorKey == "complaint.error.bad_text");
    CHECK(f.draft().description == "楼上噪音 [2J 晚上");
    CHECK(f.setDescription("line one\nline two").accepted());  // newlines are fine
    CHECK(f.lastError().empty());
    REQUIRE(f.finishDescription().accepted());
    f.chooseRoute(false);
    f.chooseAnonymous(false);
    for (const char* bad : {"", "123", "1380000123x", "23800001234"})
        CHECK(f.setPhone(bad).errorKey == "complaint.error.phone");
    CHECK(f.step() == Step::Phone);
}

TEST_CASE("complaint: a failed save returns to the read-back and a retry keeps the same id", "[core][complaint]") {
    ComplaintFlow f;
    toIdentity(f);
    f.chooseAnonymous(true);
    f.confirm("complaint-first", 5);
    f.submitFailed(ioError("store", "disk full"));
    CHECK(f.step() == Step::Confirm);
    CHECK(f.lastError() == "complaint.error.not_saved");
    const auto retry = std::get<effect::Submit>(*f.confirm("complaint-second", 6).effect).ticket;
    CHECK(retry.clientId == "complaint-first");
    CHECK(retry.description == "垃圾清运不及时，有异味");
}

TEST_CASE("complaint: inputs out of order are refused", "[core][complaint]") {
    ComplaintFlow f;
    CHECK(f.setPhone("13800001234").errorKey == "flow.wrong_step");
    CHECK(f.chooseRoute(true).errorKey == "flow.wrong_step");
    CHECK(f.chooseAnonymous(true).errorKey == "flow.wrong_step");
    CHECK_FALSE(f.confirm("complaint-x", 1).effect.has_value());
    f.submitted({"x", "ABC", false, 0});
    CHECK(f.step() == Step::Category);
    CHECK_FALSE(f.receipt());
}

TEST_CASE("the complaint screen's flow: Back, Home and the idle wipe through the kiosk state", "[core][complaint][navigation]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Complaint});
    REQUIRE(s.flow<ComplaintFlow>());
    using K = intent::Complaint::Kind;
    apply(s, intent::Complaint{K::Category, {}, ComplaintCategory::Fees});
    apply(s, intent::Complaint{K::Phrase, "收费标准不清楚"});
    apply(s, intent::Complaint{K::FinishDescription});
    apply(s, intent::Complaint{K::Route, {}, {}, false});
    apply(s, intent::Complaint{K::Identity, {}, {}, false});
    REQUIRE(s.flow<ComplaintFlow>()->step() == Step::Phone);
    for (char k : std::string("1390000"))
        apply(s, intent::Key{k});
    CHECK(s.entry == "1390000");
    apply(s, intent::Complaint{K::PhoneDone});
    CHECK(s.flow<ComplaintFlow>()->lastError() == "complaint.error.phone");
    CHECK(s.entry == "1390000");  // the refused number stays to be corrected
    for (char k : std::string("1234")) apply(s, intent::Key{k});
    apply(s, intent::Complaint{K::PhoneDone});
    CHECK(s.flow<ComplaintFlow>()->step() == Step::Confirm);
    CHECK(s.entry.empty());

    CHECK(apply(s, intent::Back{}).screen);  // one step back, still in the flow
    CHECK(s.screen() == ScreenId::Complaint);
    CHECK(s.flow<ComplaintFlow>()->step() == Step::Phone);

    apply(s, intent::Home{});
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<ComplaintFlow>());  // Home ends the flow

    apply(s, intent::Open{ScreenId::Complaint});
    apply(s, intent::Complaint{K::Category, {}, ComplaintCategory::Other});
    apply(s, intent::Complaint{K::Phrase, "需要物业联系我"});
    wipe(s);
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<ComplaintFlow>());  // the idle wipe leaves nothing of it
    CHECK(s.effects.empty());

    // The confirm asks the app for a durable commit, with the app's fresh id.
    apply(s, intent::Open{ScreenId::Complaint});
    apply(s, intent::Complaint{K::Category, {}, ComplaintCategory::Suggestion});
    apply(s, intent::Complaint{K::Phrase, "希望多办社区活动"});
    apply(s, intent::Complaint{K::FinishDescription});
    apply(s, intent::Complaint{K::Route, {}, {}, true});
    apply(s, intent::Complaint{K::Identity, {}, {}, true});
    apply(s, intent::Complaint{K::Confirm}, ApplyContext{77, "complaint-77"});
    REQUIRE(s.effects.size() == 1);
    const auto& t = std::get<effect::Submit>(s.effects.front()).ticket;
    CHECK(t.clientId == "complaint-77");
    CHECK(t.anonymous);
    // Back out of the flow entirely from its first step.
    ComplaintFlow fresh;
    CHECK_FALSE(fresh.back());
}

TEST_CASE("complaint description: typed text, phrases, refused keys and Back lose nothing", "[core][complaint][entry]") {
    KioskState s;
    using K = intent::Complaint::Kind;
    apply(s, intent::Open{ScreenId::Complaint});
    apply(s, intent::Complaint{K::Category, {}, ComplaintCategory::Neighbours});
    CHECK(entrySpec(s) == EntrySpec{EntryMode::Text, ComplaintFlow::kMaxDescription});
    apply(s, intent::Complaint{K::Phrase, "噪音扰民"});
    apply(s, intent::Type{" after 10pm"});
    CHECK(s.entry == "噪音扰民 after 10pm");
    apply(s, intent::Type{"😀\x01"});  // a physical keyboard or a wedge can send anything
    CHECK(s.entry == "噪音扰民 after 10pm");
    CHECK(s.entryError == "entry.error.unsupported");
    apply(s, intent::Type{std::string(10'000, 'x')});
    CHECK(s.entryError == "entry.error.too_long");
    CHECK(charCount(s.entry) == ComplaintFlow::kMaxDescription);  // filled up to the limit, no further
    for (int i = 0; i < 485; ++i) apply(s, intent::Key{intent::Key::kBackspace});  // the x's only
    CHECK(s.entry == "噪音扰民 after 10pm");

    // Back to the category and forward again: the text is still there to type on.
    apply(s, intent::Back{});
    REQUIRE(s.flow<ComplaintFlow>()->step() == ComplaintFlow::Step::Category);
    CHECK(s.flow<ComplaintFlow>()->draft().description == "噪音扰民 after 10pm");
    apply(s, intent::Complaint{K::Category, {}, ComplaintCategory::Neighbours});
    CHECK(s.entry == "噪音扰民 after 10pm");
    apply(s, intent::Complaint{K::FinishDescription});
    REQUIRE(s.flow<ComplaintFlow>()->step() == ComplaintFlow::Step::Route);
    CHECK(s.entry.empty());
    apply(s, intent::Back{});
    CHECK(s.entry == "噪音扰民 after 10pm");  // back on the description step, ready to edit
    // Emptied: Next is refused with a message, the step stays.
    for (int i = 0; i < 30; ++i) apply(s, intent::Key{intent::Key::kBackspace});
    apply(s, intent::Complaint{K::FinishDescription});
    CHECK(s.flow<ComplaintFlow>()->lastError() == "complaint.error.description_empty");
    CHECK(s.flow<ComplaintFlow>()->step() == ComplaintFlow::Step::Description);
}
