// The scanner over generated QR images (sizes, rotations, inverted, noise) and over a handful of
// real photos with known content, and the pipeline thread playing image files.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>

#include "platform/qr/qr_code.hpp"
#include "platform/scan/frame_scanner.hpp"
#include "platform/scan/image_file.hpp"
#include "platform/scan/image_source.hpp"
#include "platform/scan/scanner_thread.hpp"

using namespace homedesk;
using namespace homedesk::platform;
namespace fs = std::filesystem;

namespace {

// The code drawn `module` pixels a module with a 4-module quiet zone, in a `frame`-sized grey
// picture (centred), optionally with sensor noise.
GreyImage drawn(const std::string& text, int module, int frameW, int frameH, int noise = 0) {
    auto qr = encodeQr(text);
    REQUIRE(qr.ok());
    GreyImage g{frameW, frameH, std::vector<std::uint8_t>(static_cast<std::size_t>(frameW) * frameH, 200)};
    const int side = (qr->size + 8) * module;
    const int x0 = (frameW - side) / 2, y0 = (frameH - side) / 2;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int mx = x / module - 4, my = y / module - 4;
            const bool dark = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size && qr->at(mx, my);
            g.pixels[static_cast<std::size_t>(y0 + y) * frameW + x0 + x] = dark ? 30 : 235;
        }
    std::mt19937 rng(5);
    if (noise > 0)
        for (auto& p : g.pixels) p = static_cast<std::uint8_t>(std::clamp(int(p) + int(rng() % (2 * noise)) - noise, 0, 255));
    return g;
}

void writePgm(const GreyImage& g, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << g.width << " " << g.height << "\n255\n";
    out.write(reinterpret_cast<const char*>(g.pixels.data()), static_cast<std::streamsize>(g.pixels.size()));
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("generated codes are read at every size, turn, polarity and with noise", "[scan]") {
    const std::string text = "HD1.hc.eyJjb21tdW5pdHkiOiJjMSJ9.c2lnbmF0dXJl";
    FrameScanner scanner;
    for (int module : {3, 6, 12}) {
        CAPTURE(module);
        const GreyImage upright = drawn(text, module, 1280, 720, 20);
        for (int turn = 0; turn < 4; ++turn) {
            CAPTURE(turn);
            auto hit = scanner.scan(rotated(upright, turn), QrReader::Effort::Still);
            REQUIRE(hit);
            CHECK(hit->text == text);
            CHECK(hit->side > module * 20);
        }
    }
    auto inv = scanner.scan(inverted(drawn(text, 5, 640, 480)), QrReader::Effort::Still);
    REQUIRE(inv);
    CHECK(inv->text == text);
    // Nothing there: nothing read.
    GreyImage blank{640, 480, std::vector<std::uint8_t>(640 * 480, 128)};
    CHECK_FALSE(scanner.scan(blank, QrReader::Effort::Still));
}

TEST_CASE("a code close to the camera is larger than one far away", "[scan]") {
    FrameScanner scanner;
    auto near = scanner.scan(drawn("12345678", 14, 1280, 720), QrReader::Effort::Still);
    auto far = scanner.scan(drawn("12345678", 3, 1280, 720), QrReader::Effort::Still);
    REQUIRE(near);
    REQUIRE(far);
    CHECK(near->side > 3 * far->side);
}

TEST_CASE("real photos with known content are read", "[scan]") {
    const fs::path folder = fs::path(HOMEDESK_SCAN_PHOTOS) / "qrcode-1";
    if (!fs::exists(folder)) {
        WARN("no photo set at " << folder << ": skipped");
        return;
    }
    FrameScanner scanner;
    int read = 0;
    for (const char* name : {"1.png", "7.png", "11.png", "13.png", "17.png"}) {
        CAPTURE(name);
        auto image = loadGreyImage((folder / name).string());
        REQUIRE(image.ok());
        auto hit = scanner.scan(image.value(), QrReader::Effort::Still);
        REQUIRE(hit);
        CHECK(hit->text == slurp(fs::path(folder / name).replace_extension(".txt")));
        ++read;
    }
    CHECK(read == 5);
}

TEST_CASE("the scanner thread plays image files, posts what it read, and rests when inactive", "[scan]") {
    const fs::path dir = fs::temp_directory_path() / ("homedesk-scan-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    writePgm(GreyImage{320, 240, std::vector<std::uint8_t>(320 * 240, 90)}, (dir / "0-empty.pgm").string());
    writePgm(drawn("https://hq.example.cn/t/12345678", 4, 320, 240), (dir / "1-code.pgm").string());

    std::mutex m;
    std::condition_variable woke;
    int wakes = 0;
    ScannerThread thread(std::make_unique<ImageSource>(dir.string(), 60), ScanOptions{},
                         [&] {
                             std::lock_guard lock(m);
                             ++wakes;
                             woke.notify_all();
                         });
    CHECK(thread.framesRead() == 0);  // inactive: no work
    thread.setActive(true);
    std::string text;
    bool preview = false;
    for (int round = 0; round < 200 && text.empty(); ++round) {
        std::unique_lock lock(m);
        woke.wait_for(lock, std::chrono::seconds(5), [&] { return wakes > 0; });
        wakes = 0;
        lock.unlock();
        ScanUpdate u = thread.take();
        preview = preview || (u.preview && u.preview->width <= ScannerThread::kPreviewWidth * 2);
        if (u.text) text = *u.text;
    }
    CHECK(text == "https://hq.example.cn/t/12345678");
    CHECK(preview);
    thread.setActive(false);
    fs::remove_all(dir);
}
