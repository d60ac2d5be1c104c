// The scan screen on the real program: image files played through the file source
// (--scan-frames), through the scanner thread and the classifier, into Track and into a repair
// with the household's home filled in; a refused code; screenshots in both orientations, zh/en
// and large text.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <fstream>

#include "sync/protocol/qr_token.hpp"
#include "tests/ui/run_kiosk.hpp"

using namespace homedesk;
using namespace homedesk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kTicketUrl = "https://hq.homedesk.example/t/";  // the default site.ticket_url

// The code as a camera would see it: 8 px a module, a quiet zone, on a 640x480 grey frame.
void writeFrame(const std::string& text, const fs::path& path) {
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).encode(text, 0, 0);
    const int module = std::max(2, 320 / m.width());
    const int w = 640, h = 480, side = m.width() * module;
    std::vector<unsigned char> px(static_cast<size_t>(w) * h, 170);
    const int x0 = (w - side) / 2 - 4 * module, y0 = (h - side) / 2 - 4 * module;
    for (int y = 0; y < side + 8 * module; ++y)
        for (int x = 0; x < side + 8 * module; ++x) {
            const int mx = x / module - 4, my = y / module - 4;
            const bool dark = mx >= 0 && my >= 0 && mx < m.width() && my < m.height() && m.get(mx, my);
            px[static_cast<size_t>(y0 + y) * w + x0 + x] = dark ? 25 : 240;
        }
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << w << " " << h << "\n255\n";
    out.write(reinterpret_cast<const char*>(px.data()), static_cast<std::streamsize>(px.size()));
}

fs::path framesWith(const std::string& name, const std::string& text) {
    const fs::path dir = freshDataDir("scan-frames", name);
    fs::create_directories(dir);
    writeFrame(text, dir / "frame.pgm");
    return dir;
}

// An enrolled terminal's record (its community and the office's key), without a head office to
// talk to: scanning needs only the key.
fs::path enrolledDataDir(const std::string& name, const protocol::SigningKey& key) {
    const fs::path data = freshDataDir("scan", name);
    fs::create_directories(data);
    fs::permissions(data, fs::perms::owner_all);
    const fs::path file = data / "headoffice.json";
    {
        std::ofstream out(file);
        out << nlohmann::json{{"hq_url", "https://127.0.0.1:1"}, {"terminal_id", "t-1"}, {"credential", "x"},
                              {"community_id", "c1"}, {"community_name", "示范小区"},
                              {"signing_public_key", key.publicKey.encoded()}, {"enrolled_at", 1}}
                   .dump();
    }
    ::chmod(file.c_str(), 0600);
    return data;
}

std::string signedCard(const protocol::SigningKey& key, const std::string& community) {
    const std::int64_t now = std::time(nullptr);
    // The UI tests run at a fixed wall time (run_kiosk.cpp): a card valid from 2020 for ten years.
    protocol::TokenClaims c{protocol::TokenKind::HouseholdCard, protocol::newTokenId(), 1'577'836'800, now + 10 * 365 * 86400,
                            {{"community", community}, {"building", "b3"}, {"unit", "2-301"}}};
    return protocol::signToken(c, key).value();
}

}  // namespace

TEST_CASE("a receipt's QR held to the camera opens Track with its code", "[ui][scan]") {
    const fs::path frames = framesWith("receipt", std::string(kTicketUrl) + "12345678");
    for (const char* orientation : {"portrait", "landscape"}) {
        const KioskRun run = runKiosk("tap home.tile.scan\nawait scan.result 10000\nshot result\ntap scan.act\nshot track\n",
                                      {"--data", freshDataDir("scan", std::string("receipt-") + orientation).string(),
                                       "--scan-frames", frames.string(), "--orientation", orientation});
        INFO(orientation << "\n" << run.output);
        REQUIRE(run.exitCode == 0);
        CHECK(run.shot("result")["scan_kind"] == "ticket_receipt");
        const auto track = run.shot("track");
        CHECK(track["screen"] == "track");
        CHECK(track["track_step"] == "last4");
    }
}

TEST_CASE("a household card starts a repair at its home and a card of another community is refused", "[ui][scan]") {
    const protocol::SigningKey key = protocol::generateSigningKey();
    const fs::path ours = framesWith("card", signedCard(key, "c1"));
    const KioskRun run = runKiosk("tap home.tile.scan\nawait scan.result 10000\nshot card\ntap scan.act\n"
                                  "tap repair.category.water_electric\nshot repair\n",
                                  {"--data", enrolledDataDir("card", key).string(), "--scan-frames", ours.string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.shot("card")["scan_kind"] == "household");
    CHECK(run.shot("repair")["repair_step"] == "urgency");

    const fs::path theirs = framesWith("other", signedCard(key, "c2"));
    for (const char* flags : {"", "--large-text", "--language en"}) {
        std::vector<std::string> args{"--data", enrolledDataDir(std::string("other") + flags, key).string(),
                                      "--scan-frames", theirs.string()};
        if (std::string(flags) == "--large-text") args.push_back("--large-text");
        if (std::string(flags) == "--language en") args.insert(args.end(), {"--language", "en"});
        const KioskRun refused = runKiosk("tap home.tile.scan\nawait scan.refused 10000\nshot refused\n", args);
        INFO(flags << "\n" << refused.output);
        REQUIRE(refused.exitCode == 0);
        const auto shot = refused.shot("refused");
        CHECK(shot["scan_refusal"] == "wrong_community");
        CHECK(shot["screen"] == "scan");
        CHECK(shot["missing_glyphs"].empty());
    }
}

TEST_CASE("a barcode scanner's burst ending in Enter is scanned on any screen and a typist is not", "[ui][scan][wedge]") {
    const std::string code = std::string(kTicketUrl) + "87654321";
    std::string typist = "tap home.tile.track\n";
    for (char c : std::string("000042")) typist += std::string("type ") + c + "\nwait 120\n";
    typist += "key return\nshot typist\n";
    const KioskRun run = runKiosk("type " + code + "\nkey return\nawait scan.result 5000\nshot wedge\ntap nav.home\n" + typist,
                                  {"--data", freshDataDir("scan", "wedge").string()});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const auto wedge = run.shot("wedge");
    CHECK(wedge["screen"] == "scan");
    CHECK(wedge["scan_kind"] == "ticket_receipt");
    const auto typed = run.shot("typist");
    CHECK(typed["screen"] == "track");  // the person's Enter stayed a key press
    CHECK(typed["entry"] == "000042");
}
