#include <catch2/catch.hpp>

#include "kiosk/core/phone.hpp"
#include "kiosk/core/repair_flow.hpp"

using namespace homedesk;
using Step = RepairFlow::Step;

namespace {
Directory demoDirectory() {
    Directory d;
    d.community = {"示范小区", "Demo Gardens"};
    d.buildings = {{"b3", {"3号楼", "Building 3"}}, {"b5", {"5号楼", "Building 5"}}};
    d.places = {{"b3-lift2", "b3", {"电梯 2号", "Lift 2"}}, {"b5-lobby", "b5", {"大堂", "Lobby"}}};
    return d;
}
TicketRecord openTicket(std::string number) {
    TicketRecord t;
    t.ticketNumber = std::move(number);
    t.urgency = Urgency::Urgent;
    t.description = "电梯不动";
    return t;
}
// Walks a flow for a home repair up to the description.
void toDescription(RepairFlow& f) {
    REQUIRE(f.chooseCategory(RepairCategory::WaterElectric).accepted());
    REQUIRE(f.chooseHome().accepted());
    REQUIRE(f.chooseBuilding("b3").accepted());
    REQUIRE(f.setUnit("2-1203").accepted());
    REQUIRE(f.chooseUrgency(Urgency::Normal).accepted());
}
// ... and on to the read-back.
void toConfirm(RepairFlow& f) {
    toDescription(f);
    REQUIRE(f.addPhrase("水龙头漏水").accepted());
    REQUIRE(f.finishDescription().accepted());
    REQUIRE(f.setPhone("13800001234").accepted());
    REQUIRE(f.chooseSlot("afternoon").accepted());
    REQUIRE(f.step() == Step::Confirm);
}
}  // namespace

TEST_CASE("a home repair goes from category to a durable receipt", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    toConfirm(f);
    const FlowOutcome out = f.confirm("c-0001", 1'790'000'000);
    REQUIRE(out.effect);
    const auto* submit = std::get_if<effect::Submit>(&*out.effect);
    REQUIRE(submit);
    CHECK(submit->ticket.clientId == "c-0001");
    CHECK(submit->ticket.location.unit == "2-1203");
    CHECK(submit->ticket.description == "水龙头漏水");
    CHECK(submit->ticket.phone == "13800001234");
    CHECK(f.step() == Step::Submitting);
    CHECK(f.back());  // Back while saving waits; nothing changes
    CHECK(f.step() == Step::Submitting);

    f.submitted({"c-0001", "40719263", false, 1'790'086'400});
    CHECK(f.step() == Step::Receipt);
    CHECK(f.receipt()->trackingCode == "40719263");
    CHECK(f.draft().phone.empty());  // the flow keeps no copy once the store has it
    CHECK_FALSE(f.back());           // Back from the receipt leaves the flow
}

TEST_CASE("gas shows the emergency line before anything else", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    f.chooseCategory(RepairCategory::Gas);
    CHECK(f.step() == Step::GasWarning);
    CHECK_FALSE(f.chooseHome().accepted());
    f.continueAfterGasWarning();
    CHECK(f.step() == Step::WhereKind);
}

TEST_CASE("a public place with open tickets offers 'me too' first", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    f.chooseCategory(RepairCategory::Elevator);
    f.choosePublicPlace();
    f.chooseBuilding("b3");
    const FlowOutcome out = f.choosePlace("b3-lift2");
    REQUIRE(out.effect);
    CHECK(std::get<effect::LoadOpenTickets>(*out.effect).placeId == "b3-lift2");
    CHECK(f.step() == Step::Place);  // waits for the answer
    f.openTicketsLoaded({openTicket("HD-1001")});
    REQUIRE(f.step() == Step::MeToo);
    CHECK_FALSE(f.joinTicket("HD-9999").accepted());
    REQUIRE(f.joinTicket("HD-1001").accepted());
    CHECK(f.step() == Step::Phone);
    f.setPhone("13912345678");
    CHECK(f.step() == Step::Confirm);  // no slot for a co-reporter
    const auto submit = std::get<effect::Submit>(*f.confirm("c-2", 1).effect);
    CHECK(submit.ticket.coReportOf == std::optional<std::string>("HD-1001"));
}

TEST_CASE("a public place with no open tickets goes straight on", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    f.chooseCategory(RepairCategory::Lighting);
    f.choosePublicPlace();
    f.chooseBuilding("b5");
    CHECK_FALSE(f.choosePlace("b3-lift2").accepted());  // not in this building
    f.choosePlace("b5-lobby");
    f.openTicketsLoaded({});
    CHECK(f.step() == Step::Urgency);
}

TEST_CASE("Back retraces every step, and then leaves", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    toConfirm(f);
    const Step expected[] = {Step::Slot, Step::Phone, Step::Description, Step::Urgency,
                             Step::Unit, Step::Building, Step::WhereKind, Step::Category};
    for (Step s : expected) {
        REQUIRE(f.back());
        CHECK(f.step() == s);
    }
    CHECK_FALSE(f.back());
    CHECK(f.draft().description == "水龙头漏水");  // going back loses nothing typed
}

TEST_CASE("a late answer for open tickets after Back is ignored", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    f.chooseCategory(RepairCategory::Elevator);
    f.choosePublicPlace();
    f.chooseBuilding("b3");
    f.choosePlace("b3-lift2");
    f.back();
    f.openTicketsLoaded({openTicket("HD-1")});
    CHECK(f.step() == Step::Building);
}

TEST_CASE("bad input is refused with a message and the draft is kept", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    f.chooseCategory(RepairCategory::Pipes);
    f.chooseHome();
    CHECK(f.chooseBuilding("b99").errorKey == "repair.error.no_such_building");
    f.chooseBuilding("b3");
    for (const char* unit : {"", "12a", "-12", "12-", "1234567890123456789", "1203'; DROP TABLE tickets;--"})
        CHECK(f.setUnit(unit).errorKey == "repair.error.unit");
    f.setUnit("1203");
    f.chooseUrgency(Urgency::Urgent);
    CHECK(f.finishDescription().errorKey == "repair.error.description_empty");
    f.setDescription("下水道堵了");
    CHECK(f.setDescription(std::string(10'000, 'x')).errorKey == "repair.error.description_too_long");
    CHECK(f.draft().description == "下水道堵了");
    CHECK(f.lastError() == "repair.error.description_too_long");
    CHECK(f.setDescription("漏水 😀 \x01\x02 \xff end").accepted());
    CHECK(f.draft().description == "漏水 😀  \xEF\xBF\xBD end");  // controls gone, bad bytes replaced
    f.finishDescription();
    for (const char* bad : {"", "123", "1380000123", "23800001234", "1380000123x", "138000012345678"})
        CHECK(f.setPhone(bad).errorKey == "repair.error.phone");
    CHECK(f.setPhone("02188889999").accepted());  // a landline with area code
}

TEST_CASE("a failed save returns to the read-back with everything kept", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    toConfirm(f);
    f.confirm("c-3", 5);
    f.submitFailed(ioError("store", "disk full"));
    CHECK(f.step() == Step::Confirm);
    CHECK(f.lastError() == "repair.error.not_saved");
    CHECK(f.draft().phone == "13800001234");
    CHECK(f.confirm("c-3", 6).effect.has_value());  // the same id on retry
}

TEST_CASE("inputs out of order are refused", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    CHECK(f.setPhone("13800001234").errorKey == "flow.wrong_step");
    CHECK_FALSE(f.confirm("x", 1).effect.has_value());
    f.submitted({"x", "ABC", false, 0});
    CHECK(f.step() == Step::Category);
}

TEST_CASE("phone numbers are masked on screen and checked", "[core][phone]") {
    CHECK(phone::masked("13800001234") == "138****1234");
    CHECK(phone::masked("138") == "***");
    CHECK(phone::lastFour("13800001234") == "1234");
    CHECK(phone::isValid("13800001234"));
    CHECK_FALSE(phone::isValid("12800001234"));
}

TEST_CASE("English quick phrases read as English in the description", "[core][repair]") {
    const Directory dir = demoDirectory();
    RepairFlow f(dir);
    toDescription(f);
    REQUIRE(f.addPhrase("Tap leaking").accepted());
    REQUIRE(f.addPhrase("Since Monday").accepted());
    CHECK(f.draft().description == "Tap leaking, Since Monday");
    REQUIRE(f.addPhrase("一直在滴").accepted());
    CHECK(f.draft().description == "Tap leaking, Since Monday，一直在滴");
}
