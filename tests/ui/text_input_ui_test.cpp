// Writing Chinese on the real terminal: a complaint written by tapping pinyin keys and
// candidates and by drawing strokes on the handwriting pad (the script's `stroke`), then read
// from the SQLite file the run used. The real librime data and zinnia model answer.
#include <catch2/catch.hpp>

#include "kiosk/store/sqlite_db.hpp"
#include "tests/ui/run_kiosk.hpp"

using namespace homedesk;
using namespace homedesk::test;

namespace {
std::string letters(const std::string& pinyin) {
    std::string out;
    for (char c : pinyin) out += std::string("tap ime.key.") + c + "\n";
    return out;
}
// 水 and 十 as the model knows them (tests/unit/handwriting_test.cpp), in box `box`.
std::string water(int box) {
    const std::string pad = "stroke ime.pad." + std::to_string(box) + " ";
    return pad + "0.15,0.35 0.4,0.35 0.15,0.75\n" + pad + "0.5,0.1 0.5,0.9 0.43,0.85\n" + pad + "0.8,0.25 0.52,0.48\n" +
           pad + "0.52,0.48 0.85,0.85\n";
}
std::string ten(int box) {
    const std::string pad = "stroke ime.pad." + std::to_string(box) + " ";
    return pad + "0.15,0.45 0.85,0.45\n" + pad + "0.5,0.1 0.5,0.9\n";
}
std::string description(const std::filesystem::path& data, const std::string& code) {
    auto db = store::Db::open((data / "homedesk.db").string());
    REQUIRE(db.ok());
    auto stmt = db->prepare("SELECT description FROM tickets WHERE tracking_code = ?1");
    REQUIRE(stmt.ok());
    stmt->bind(1, code);
    auto found = stmt->step();
    REQUIRE(found.ok());
    REQUIRE(*found);
    return stmt->text(0);
}
}  // namespace

TEST_CASE("a complaint written in pinyin and by hand reaches the store exactly", "[ui][input]") {
    const auto data = freshDataDir("input", "complaint");
    const std::string script =
        "tap home.tile.complaint\ntap complaint.category.facilities\ntap complaint.method.pinyin\n" + letters("dianti") +
        "shot pinyin\ntap ime.candidate.0\n" + letters("huaile") + "tap ime.page_on\nshot page-2\ntap ime.page_back\n"
        "tap ime.candidate.0\ntap ime.key.comma\n" + letters("xx") + "tap ime.key.backspace\ntap ime.key.backspace\n"
        "tap complaint.method.handwriting\nshot switched\n" + water(0) + "shot water\n" + ten(1) +
        "shot ten\ntap ime.candidate.0\ntap complaint.method.latin\ntap keyboard.space\ntap keyboard.o\ntap keyboard.k\n"
        "shot typed\ntap complaint.next\ntap complaint.route.desk\ntap complaint.identity.anonymous\n"
        "tap complaint.confirm\nshot receipt\ntap complaint.done\ntap home.tile.complaint\n"
        "tap complaint.category.other\nshot again\n";
    const KioskRun run = runKiosk(script, {"--data", data.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto pinyin = run.shot("pinyin");
    CHECK(pinyin["input_method"] == "pinyin");
    bool offered = false;
    for (const auto& w : pinyin["widgets"])
        if (w["id"] == "ime.candidate.0") offered = w["label"] == "电梯";
    CHECK(offered);
    // The second page starts where the first ended, and paging back loses nothing.
    bool paged = false;
    const auto page2 = run.shot("page-2");
    for (const auto& w : page2["widgets"]) paged |= w["id"] == "ime.page_back";
    CHECK(paged);
    CHECK(run.shot("switched")["entry"] == "电梯坏了，");  // the half-typed "xx" went with backspace
    CHECK(run.shot("switched")["input_method"] == "handwriting");
    // Writing in the second box took the first box's best guess without a tap.
    CHECK(run.shot("ten")["entry"] == "电梯坏了，水");
    CHECK(run.shot("typed")["entry"] == "电梯坏了，水十 ok");
    CHECK(run.shot("typed")["missing_glyphs"].empty());
    CHECK(description(data, run.shot("receipt")["receipt_code"]) == "电梯坏了，水十 ok");
    // The choice of Latin lasts the session: the next complaint opens on it.
    CHECK(run.shot("again")["input_method"] == "latin");
    CHECK(run.shot("again")["entry"] == "");
}
