// Filing repairs by tapping the real screens, then reading what landed in the real store.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/ui/run_kiosk.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using namespace homedesk::test;
using nlohmann::json;

namespace {

std::filesystem::path freshDataDir(const char* name) { return test::freshDataDir("repair", name); }

const std::string kHomeRepair = "tap home.tile.repair\nshot category\ntap repair.category.water_electric\nshot where\n"
                                "tap repair.where.home\nshot building\ntap repair.building.b3\nshot unit\n" +
                                keypadTaps("2-1203") + "tap repair.next\nshot urgency\ntap repair.urgency.normal\nshot description\n"
                                "tap repair.phrase.2\ntap repair.next\nshot phone\n" + keypadTaps("13800001234") +
                                "tap repair.next\nshot slot\ntap repair.slot.afternoon\nshot confirm\ntap repair.confirm\nshot receipt\n";

}  // namespace

TEST_CASE("the description takes quick phrases, the on-screen keyboard and a keyboard wedge", "[ui][repair]") {
    const auto data = freshDataDir("typed");
    const std::string script = "tap home.tile.repair\ntap repair.category.doors_windows\ntap repair.where.home\n"
                               "tap repair.building.b3\n" + keypadTaps("1-101") + "tap repair.next\ntap repair.urgency.normal\n"
                               "tap repair.phrase.1\ntap keyboard.space\ntap keyboard.shift\ntap keyboard.a\n"
                               "tap keyboard.shift\ntap keyboard.b\ntype 7\xF0\x9F\x98\x80\nshot typed\n"
                               "key backspace\nshot erased\ntap repair.next\n" + keypadTaps("13800001234") +
                               "tap repair.next\ntap repair.slot.any\ntap repair.confirm\nshot receipt\n";
    const KioskRun run = runKiosk(script, {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("typed")["entry_error"] == "entry.error.unsupported");
    CHECK(run.shot("erased")["entry_error"] == "");
    const std::string code = run.shot("receipt")["receipt_code"];
    auto store = homedesk::store::testing::openTickets((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(store.ok());
    auto found = store->findForTracking(code, "1234");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->description == "门锁坏了 Ab");
}

TEST_CASE("a home repair filed by touch is in the store with the phone sealed", "[ui][repair]") {
    const auto data = freshDataDir("home");
    const KioskRun run = runKiosk(kHomeRepair, {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("confirm")["repair_step"] == "confirm");
    const json receipt = run.shot("receipt");
    REQUIRE(receipt["repair_step"] == "receipt");
    const std::string code = receipt["receipt_code"];

    auto store = homedesk::store::testing::openTickets((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(store.ok());
    auto found = store->findForTracking(code, "1234");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    const TicketRecord& t = **found;
    CHECK(t.repairCategory == RepairCategory::WaterElectric);
    CHECK(t.location.buildingId == "b3");
    CHECK(t.location.unit == "2-1203");
    CHECK(t.urgency == Urgency::Normal);
    CHECK(t.description == "水龙头漏水");
    CHECK_FALSE(t.delivered);
    CHECK(t.phoneLast4 == "1234");
    CHECK_FALSE(store->findForTracking(code, "9999")->has_value());  // the wrong phone finds nothing

    // A phone camera reads the receipt's QR code straight off the screen: the link with the code.
    const Image png = loadPng(run.png("receipt"));
    const auto read = ZXing::ReadBarcode({png.rgba.data(), png.width, png.height, ZXing::ImageFormat::RGBX},
                                         ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    REQUIRE(read.isValid());
    CHECK(read.text() == "https://hq.homedesk.example/t/" + code);
}

TEST_CASE("every repair step keeps its targets in both orientations and large text", "[ui][repair]") {
    for (const char* orientation : {"portrait", "landscape"}) {
        const auto data = freshDataDir(orientation);
        const KioskRun run = runKiosk("tap footer.large_text\n" + kHomeRepair, {"--data", data.string(), "--orientation", orientation});
        INFO(orientation << "\n" << run.output);
        REQUIRE(run.exitCode == 0);
        for (const char* name : {"category", "where", "building", "unit", "urgency", "description", "phone", "slot", "confirm", "receipt"}) {
            INFO(name);
            const json shot = run.shot(name);
            CHECK(shot["large_text"].get<bool>());
            CHECK(shot["missing_glyphs"].empty());
            const float floor = float(shot["min_target_px"]);
            for (const auto& w : shot["widgets"]) {
                INFO(w["id"]);
                CHECK(float(w["w"]) >= floor);
                CHECK(float(w["h"]) >= floor);
                CHECK(float(w["y"]) + float(w["h"]) <= float(shot["height"]));
            }
        }
    }
}

TEST_CASE("at a public place with an open ticket, 'me too' joins it instead of a duplicate", "[ui][repair]") {
    const auto data = freshDataDir("metoo");
    const std::string toLift = "tap home.tile.repair\ntap repair.category.elevator\ntap repair.where.public\n"
                               "tap repair.building.b3\ntap repair.place.b3-lift2\n";
    // The first resident reports the lift; the head office accepts it as HD-1001.
    const KioskRun first = runKiosk(toLift + "shot after-place\ntap repair.urgency.urgent\ntap repair.phrase.1\ntap repair.next\n" +
                                        keypadTaps("13912345678") + "tap repair.next\ntap repair.slot.any\ntap repair.confirm\nshot receipt\n",
                                    {"--data", data.string()});
    INFO(first.output);
    REQUIRE(first.exitCode == 0);
    CHECK(first.shot("after-place")["repair_step"] == "urgency");  // nothing open there yet
    {
        auto outbox = homedesk::store::testing::openOutbox((data / "homedesk.db").string(), (data / "homedesk.key").string());
        REQUIRE(outbox.ok());
        auto pending = outbox->pending(10);
        REQUIRE(pending.ok());
        REQUIRE(pending->size() == 1);
        REQUIRE(outbox->markDelivered(pending->front().clientId, std::string("HD-1001"), 1).ok());
    }
    // The second resident finds it and joins.
    const KioskRun second = runKiosk(toLift + "shot me-too\ntap repair.metoo.join.HD-1001\n" + keypadTaps("13700007777") +
                                         "tap repair.next\nshot confirm\ntap repair.confirm\nshot receipt\n",
                                     {"--data", data.string()});
    INFO(second.output);
    REQUIRE(second.exitCode == 0);
    CHECK(second.shot("me-too")["repair_step"] == "me_too");
    CHECK(second.shot("receipt")["repair_step"] == "receipt");

    auto outbox = homedesk::store::testing::openOutbox((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(outbox.ok());
    auto pending = outbox->pending(10);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);  // the co-report, not a second ticket
    CHECK_THAT(pending->front().payloadJson, Catch::Contains("HD-1001"));
    auto store = homedesk::store::testing::openTickets((data / "homedesk.db").string(), (data / "homedesk.key").string());
    REQUIRE(store.ok());
    auto open = store->openTicketsAt("b3-lift2");
    REQUIRE(open.ok());
    CHECK(open->size() == 1);
}

TEST_CASE("a wrong phone number is refused on screen and the draft is kept", "[ui][repair]") {
    const auto data = freshDataDir("badphone");
    const KioskRun run = runKiosk("tap home.tile.repair\ntap repair.category.other\ntap repair.where.home\ntap repair.building.b1\n" +
                                      keypadTaps("101") + "tap repair.next\ntap repair.urgency.normal\ntap repair.phrase.1\ntap repair.next\n" +
                                      keypadTaps("123") + "tap repair.next\nshot refused\n",
                                  {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json shot = run.shot("refused");
    CHECK(shot["repair_step"] == "phone");
    CHECK(shot["flow_error"] == "repair.error.phone");
}
