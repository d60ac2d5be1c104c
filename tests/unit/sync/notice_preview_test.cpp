// Notice previews: the real terminal, headless, draws the notice in every variant; and the
// child-process door starts, times out and reports like it says.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "sync/hq/console/child_process.hpp"
#include "sync/hq/console/notice_preview.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;
using namespace homedesk::hq;

namespace {

// Width and height from a PNG's IHDR chunk; {0, 0} when the file is not a PNG.
std::pair<int, int> pngSize(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char head[24] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (!in || !std::equal(signature, signature + 8, head)) return {0, 0};
    auto be32 = [&](int at) {
        return (head[at] << 24) | (head[at + 1] << 16) | (head[at + 2] << 8) | head[at + 3];
    };
    return {be32(16), be32(20)};
}

nlohmann::json shotReport(const std::string& png) {
    std::ifstream in(png.substr(0, png.size() - 4) + ".json");
    return nlohmann::json::parse(in, nullptr, false);
}

// Generous: under the sanitizers five terminals start at once on two cores.
PreviewOptions options(const std::string& binary, const std::string& assets,
                       const std::string& dir) {
    // The terminals inherit this: under ASan the GL driver's allocations at exit count as leaks
    // (the UI tests run the terminal the same way); this process read its own options at start.
    ::setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
    PreviewOptions o{binary, assets, dir};
    o.timeout = std::chrono::milliseconds(120000);
    return o;
}

protocol::Notice sampleNotice(std::int64_t now) {
    protocol::Notice n;
    n.id = "n-console-7";
    n.title = "5号楼电梯停运检修";
    n.body = "12月5日9:00至12:00，5号楼2号电梯停运检修。\n请使用1号电梯。";
    n.title_en = "Lift 2 in Building 5 out of service";
    n.body_en = "On 5 December from 9:00 to 12:00 lift 2 is being serviced.";
    n.category = protocol::NoticeCategory::Outage;
    n.pinned = true;
    n.publish_at = now + 3600;  // scheduled: drawn as it will look then
    n.expire_at = now + 86400;
    return n;
}

}  // namespace

TEST_CASE(
    "the real terminal draws a notice preview in every variant and in English when translated",
    "[hq][preview]") {
    testing::TempDir dir;
    NoticePreviewer previewer(options(HOMEDESK_TERMINAL, HOMEDESK_ASSETS, dir.file("previews")));
    const std::int64_t now = std::time(nullptr);
    auto set = previewer.render(sampleNotice(now), now);
    REQUIRE(set);
    REQUIRE(set->id.size() == 32);
    REQUIRE(set->images.size() == 5);

    struct stat st {};
    REQUIRE(::stat(dir.file("previews").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    for (const PreviewImage& image : set->images) {
        INFO(image.variant);
        const bool landscape = image.variant.starts_with("landscape");
        CHECK(pngSize(image.file) == (landscape ? std::pair{1920, 1080} : std::pair{1080, 1920}));
        const nlohmann::json report = shotReport(image.file);
        REQUIRE(report.is_object());
        CHECK(report["screen"] == "notices");
        CHECK(report["notice_open"] == "preview");
        CHECK(report["large_text"] == (image.variant.find("-large") != std::string::npos));
        CHECK(report["language"] == (image.variant.ends_with("-en") ? "en" : "zh"));
        CHECK(report["missing_glyphs"].empty());
        CHECK(previewer.imageFile(set->id, image.variant) == image.file);
    }
    CHECK_FALSE(previewer.imageFile(set->id, "../../etc/passwd"));
    CHECK_FALSE(previewer.imageFile("../" + set->id.substr(3), "portrait-normal"));
}

TEST_CASE("a notice without English gets the four Chinese variants", "[hq][preview]") {
    testing::TempDir dir;
    NoticePreviewer previewer(options(HOMEDESK_TERMINAL, HOMEDESK_ASSETS, dir.file("previews")));
    const std::int64_t now = std::time(nullptr);
    protocol::Notice n = sampleNotice(now);
    n.title_en.reset();
    n.body_en.reset();
    auto set = previewer.render(n, now);
    REQUIRE(set);
    CHECK(set->images.size() == 4);
    CHECK_FALSE(previewer.imageFile(set->id, "portrait-large-en"));
}

TEST_CASE("a preview fails plainly when the terminal cannot draw it", "[hq][preview]") {
    testing::TempDir dir;
    NoticePreviewer previewer(options("/bin/false", "", dir.file("previews")));
    auto set = previewer.render(sampleNotice(std::time(nullptr)), std::time(nullptr));
    REQUIRE_FALSE(set);
    CHECK(set.error().message.find("could not draw") != std::string::npos);
}

TEST_CASE("a child that outlives its timeout is stopped and reported", "[hq][child]") {
    const auto start = std::chrono::steady_clock::now();
    auto code = runChild({{"/bin/sleep", "30"}, {}, "", std::chrono::milliseconds(300)});
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(code);
    CHECK(code.error().message.find("took longer than 300 ms") != std::string::npos);
    CHECK(took < std::chrono::seconds(10));
}

TEST_CASE("a child's exit code and environment come back", "[hq][child]") {
    testing::TempDir dir;
    auto code = runChild({{"/bin/sh", "-c", "echo \"$HD_PROBE\"; exit 7"},
                          {"HD_PROBE=from-parent"},
                          dir.file("out.log"),
                          std::chrono::milliseconds(10000)});
    REQUIRE(code);
    CHECK(code.value() == 7);
    std::ifstream out(dir.file("out.log"));
    std::string line;
    std::getline(out, line);
    CHECK(line == "from-parent");
    CHECK_FALSE(runChild({{"/nonexistent/program"}, {}, "", std::chrono::milliseconds(1000)}));
}
