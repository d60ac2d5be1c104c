// The real program, headless, tapped through by script: widget sizes, screenshots, glyphs.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "kiosk/core/theme.hpp"
#include "tests/ui/run_kiosk.hpp"

using namespace homedesk;
using namespace homedesk::test;
using nlohmann::json;

namespace {

const char* kTour = R"(shot home
tap footer.language
expect home
shot english
tap footer.large_text
shot english-large
tap home.tile.repair
expect repair
shot repair
tap nav.back
expect home
shot back
tap footer.language
shot chinese-large
tap home.tile.track
shot track-large
)";

// Every tappable target meets the floor of its mode, and no two overlap or touch.
void checkTargets(const json& shot) {
    const float pxPerMm = shot["px_per_mm"];
    const bool large = shot["large_text"];
    const float floorMm = large ? ElderRules::kMinTargetLargeMm : ElderRules::kMinTargetMm;
    CHECK(float(shot["min_target_px"]) >= floorMm * pxPerMm);
    const auto& widgets = shot["widgets"];
    REQUIRE(widgets.size() >= 3);
    for (const auto& w : widgets) {
        INFO(shot["screen"] << " " << w["id"] << " " << w["w"] << "x" << w["h"] << " large=" << large);
        CHECK(float(w["w"]) >= floorMm * pxPerMm);
        CHECK(float(w["h"]) >= floorMm * pxPerMm);
        CHECK(float(w["x"]) >= 0);
        CHECK(float(w["y"]) >= 0);
        CHECK(float(w["x"]) + float(w["w"]) <= float(shot["width"]));
        CHECK(float(w["y"]) + float(w["h"]) <= float(shot["height"]));
    }
    const float minGap = ElderRules::kMinGapMm * pxPerMm;
    for (size_t i = 0; i < widgets.size(); ++i)
        for (size_t j = i + 1; j < widgets.size(); ++j) {
            const auto &a = widgets[i], &b = widgets[j];
            const float gapX = std::max(float(b["x"]) - (float(a["x"]) + float(a["w"])),
                                        float(a["x"]) - (float(b["x"]) + float(b["w"])));
            const float gapY = std::max(float(b["y"]) - (float(a["y"]) + float(a["h"])),
                                        float(a["y"]) - (float(b["y"]) + float(b["h"])));
            INFO(a["id"] << " and " << b["id"]);
            CHECK(std::max(gapX, gapY) >= minGap);
        }
}

// A drawn screen has many colours (text is anti-aliased) and no one colour covers it all.
void checkDrawn(const Image& img) {
    REQUIRE(img.width > 0);
    std::map<uint32_t, size_t> colours;
    size_t samples = 0;
    for (size_t i = 0; i < img.rgba.size(); i += 4 * 7, ++samples)
        ++colours[uint32_t(img.rgba[i]) << 16 | uint32_t(img.rgba[i + 1]) << 8 | img.rgba[i + 2]];
    size_t commonest = 0;
    for (const auto& [colour, count] : colours) commonest = std::max(commonest, count);
    CHECK(colours.size() > 50);
    CHECK(commonest < samples * 0.98);  // high contrast is mostly black, but never all
}

double difference(const Image& a, const Image& b) {
    REQUIRE(a.rgba.size() == b.rgba.size());
    size_t differ = 0;
    for (size_t i = 0; i < a.rgba.size(); i += 4) differ += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1];
    return double(differ) / double(a.rgba.size() / 4);
}

void tourIn(const std::string& orientation, int width, int height) {
    const KioskRun run = runKiosk(kTour, {"--orientation", orientation});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);

    const json home = run.shot("home");
    CHECK(home["screen"] == "home");
    CHECK(home["language"] == "zh");
    CHECK(home["width"] == width);
    CHECK(home["height"] == height);
    const json english = run.shot("english");
    CHECK(english["language"] == "en");
    CHECK_FALSE(english["large_text"].get<bool>());
    const json large = run.shot("english-large");
    CHECK(large["large_text"].get<bool>());
    CHECK(float(large["body_px"]) > float(english["body_px"]));
    CHECK(run.shot("repair")["screen"] == "repair");
    CHECK(run.shot("back")["screen"] == "home");
    CHECK(run.shot("chinese-large")["language"] == "zh");

    std::set<std::string> homeIds;
    for (const auto& w : home["widgets"]) homeIds.insert(w["id"]);
    for (const char* id : {"home.tile.repair", "home.tile.complaint", "home.tile.survey", "home.tile.notices",
                           "home.tile.track", "home.tile.scan", "footer.large_text", "footer.language",
                           "footer.read_aloud"})
        CHECK(homeIds.count(id) == 1);
    std::set<std::string> repairIds;
    const json repair = run.shot("repair");
    for (const auto& w : repair["widgets"]) repairIds.insert(w["id"]);
    CHECK(repairIds.count("nav.back") == 1);
    CHECK(repairIds.count("nav.home") == 1);

    for (const char* name : {"home", "english", "english-large", "repair", "back", "chinese-large", "track-large"}) {
        INFO("shot " << name);
        const json shot = run.shot(name);
        checkTargets(shot);
        CHECK(shot["missing_glyphs"].empty());
        CHECK(int(shot["atlas_bytes"]) <= 8 * 1024 * 1024);
        checkDrawn(loadPng(run.png(name)));
    }
    // The language and the text size really changed what is on screen.
    CHECK(difference(loadPng(run.png("home")), loadPng(run.png("english"))) > 0.01);
    CHECK(difference(loadPng(run.png("english")), loadPng(run.png("english-large"))) > 0.05);
    // Back from a screen draws Home exactly as before.
    CHECK(difference(loadPng(run.png("english-large")), loadPng(run.png("back"))) == 0.0);
}

}  // namespace

TEST_CASE("portrait: Home, language, large text, a tile and Back by touch", "[ui]") {
    tourIn("portrait", 1080, 1920);
}

TEST_CASE("landscape: Home, language, large text, a tile and Back by touch", "[ui]") {
    tourIn("landscape", 1920, 1080);
}

TEST_CASE("high contrast keeps every target and draws every glyph", "[ui]") {
    const KioskRun run = runKiosk("shot home\ntap footer.large_text\nshot large\ntap home.tile.notices\nshot notices\n",
                                  {"--high-contrast"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    for (const char* name : {"home", "large", "notices"}) {
        const json shot = run.shot(name);
        CHECK(shot["high_contrast"].get<bool>());
        checkTargets(shot);
        CHECK(shot["missing_glyphs"].empty());
        checkDrawn(loadPng(run.png(name)));
    }
}

TEST_CASE("walking away: the prompt, one tap continues, then the wipe returns Home", "[ui][session]") {
    const KioskRun run = runKiosk(R"(tap footer.language
tap footer.large_text
tap home.tile.complaint
wait 2300
shot prompt
tap idle.continue
expect complaint
shot continued
wait 9000
expect home
shot wiped
)",
                                  // A long countdown, so a slow machine still taps in time.
                                  {"--idle-seconds", "2", "--prompt-seconds", "6"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const json prompt = run.shot("prompt");
    CHECK(prompt["prompting"].get<bool>());
    CHECK(prompt["screen"] == "complaint");
    std::set<std::string> ids;
    for (const auto& w : prompt["widgets"]) ids.insert(w["id"]);
    CHECK(ids.count("idle.continue") == 1);
    CHECK_FALSE(run.shot("continued")["prompting"].get<bool>());
    const json wiped = run.shot("wiped");
    CHECK(wiped["screen"] == "home");
    CHECK_FALSE(wiped["prompting"].get<bool>());
    CHECK(wiped["language"] == "zh");
    CHECK_FALSE(wiped["large_text"].get<bool>());
    CHECK(wiped["missing_glyphs"].empty());
}

TEST_CASE("read-aloud says each new screen and tapped button, and stops when turned off", "[ui][speech]") {
    const KioskRun run = runKiosk(R"(tap footer.read_aloud
shot on
tap home.tile.notices
shot notices
tap footer.language
shot english
tap footer.read_aloud
tap nav.back
shot off
)");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto spoken = [&](const char* shot) { return run.shot(shot)["spoken"].get<std::vector<std::string>>(); };
    REQUIRE(spoken("on").size() == 1);
    CHECK_THAT(spoken("on")[0], Catch::StartsWith("语音播报 开") && Catch::Contains("请选择"));
    REQUIRE(spoken("notices").size() == 2);
    CHECK_THAT(spoken("notices")[1], Catch::StartsWith("社区公告") && Catch::Contains("【紧急】3号楼、5号楼 11月25日停水通知"));
    CHECK_THAT(spoken("english").back(), Catch::StartsWith("Community notices. ") && Catch::Contains("Water off in Buildings 3 and 5"));
    CHECK(spoken("off").size() == spoken("english").size());  // nothing after it was turned off
}

TEST_CASE("read-aloud asks each step's question in the repair flow", "[ui][speech]") {
    const KioskRun run = runKiosk("tap footer.read_aloud\ntap home.tile.repair\ntap repair.category.water_electric\nshot where\n");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto spoken = run.shot("where")["spoken"].get<std::vector<std::string>>();
    REQUIRE(spoken.size() == 3);
    CHECK_THAT(spoken[1], Catch::StartsWith("请选择报修类别"));
    CHECK_THAT(spoken[2], Catch::StartsWith("需要维修的地方在哪里"));
}

TEST_CASE("a frame that throws drops the session, shows Home and is counted", "[ui][guard]") {
    // Half-way through a repair, with large text on: the fault ends the session like the idle
    // wipe would, and the terminal goes on taking taps.
    const KioskRun run = runKiosk(
        "tap footer.large_text\ntap home.tile.repair\ntap repair.category.water_electric\n"
        "shot before\nfault\nexpect home\nshot after\ntap home.tile.complaint\nshot again\n");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto before = run.shot("before");
    CHECK(before["screen"] == "repair");
    CHECK(before["frame_faults"] == 0);
    const auto after = run.shot("after");
    CHECK(after["screen"] == "home");
    CHECK(after["frame_faults"] == 1);
    CHECK(after["large_text"] == false);  // the session's settings went with it
    CHECK_FALSE(after.contains("repair_step"));
    CHECK_THAT(run.output, Catch::Contains("a frame on repair failed"));
    CHECK(run.shot("again")["screen"] == "complaint");
}

TEST_CASE("a script that taps what is not there fails with the reason", "[ui]") {
    const KioskRun run = runKiosk("tap home.tile.nonexistent\n");
    CHECK(run.exitCode == 3);
    CHECK_THAT(run.output, Catch::Contains("no widget \"home.tile.nonexistent\""));
}

TEST_CASE("a bad flag value stops start-up with a clear message", "[ui]") {
    const KioskRun run = runKiosk("quit\n", {"--orientation", "sideways"});
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.output, Catch::Contains("\"portrait\" or \"landscape\""));
}

TEST_CASE("an idle terminal draws nothing", "[ui][idle]") {
    const auto stats = std::filesystem::temp_directory_path() / "homedesk-idle-stats.json";
    const KioskRun run = runKiosk("", {"--run-seconds", "3", "--stats", stats.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(stats);
    const json j = json::parse(in);
    // The first frame draws Home (its glyph discovery pass is redrawn before presenting); after
    // that nothing asked for a frame, so nothing was drawn.
    CHECK(j["frames_presented"] == 1);
}
