// The scanner's accuracy and speed (quality.md T5, T6): every photo of a set through the
// terminal's own FrameScanner at 0°, 90°, 180°, 270°, beside bare ZXing::ReadBarcode with
// tryHarder + tryRotate in the same run; then frames of 1280×720 with and without a code, timed.
// Usage: homedesk-scan-bench [FOLDER or TRUTH FILE] [--every N] [--attempts] [--min-upright N]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "platform/scan/frame_scanner.hpp"
#include "platform/scan/image_file.hpp"
#include "tests/bench/photo_set.hpp"

using namespace homedesk;
using namespace homedesk::platform;
using Clock = std::chrono::steady_clock;

// What the terminal's camera scanning uses (kiosk/app): the guide frame's region.
constexpr ScanOptions kLiveOptions{0.8, 1280};
constexpr int kHeldFrames = 12;  // 0.4 s at 30 frames a second

namespace {

struct Tally {
    int correct = 0, wrong = 0, missed = 0, falseReads = 0, empty = 0;
    void count(const std::optional<QrHit>& hit, const std::string& expected) {
        if (expected.empty()) {
            ++empty;
            if (hit) ++falseReads;
        } else if (!hit) {
            ++missed;
        } else if (hit->text == expected) {
            ++correct;
        } else {
            ++wrong;
        }
    }
    std::string cell() const {
        char s[64];
        std::snprintf(s, sizeof s, "%3d/%2d/%2d", correct, wrong, missed);
        return s;
    }
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The photo in the middle of a 1280×720 grey frame (scaled down to fit if larger).
GreyImage inFrame(GreyImage photo) {
    while (photo.width > 1280 || photo.height > 720) photo = downscale(photo, 2);
    GreyImage frame{1280, 720, std::vector<std::uint8_t>(1280 * 720, 128)};
    const int x0 = (1280 - photo.width) / 2, y0 = (720 - photo.height) / 2;
    for (int y = 0; y < photo.height; ++y)
        std::copy_n(&photo.pixels[static_cast<std::size_t>(y) * photo.width], photo.width,
                    &frame.pixels[static_cast<std::size_t>(y0 + y) * 1280 + x0]);
    return frame;
}

// A busy frame with no code: blocks of random grey, softened, like a lobby wall and a hand.
GreyImage codeFree(unsigned seed) {
    std::mt19937 rng(seed);
    GreyImage small{160, 90, std::vector<std::uint8_t>(160 * 90)};
    for (auto& p : small.pixels) p = static_cast<std::uint8_t>(rng() % 256);
    GreyImage frame = small;
    for (int i = 0; i < 3; ++i) frame = upscale2(frame);
    return frame;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app("HomeDesk scanner accuracy and speed (T5, T6)");
    std::string where = HOMEDESK_SCAN_PHOTOS;
    int every = 1;
    bool attempts = false;
    int minUpright = 0;
    int speedFrames = 200;
    app.add_option("photos", where, "a folder of sample folders, or a truth file");
    app.add_option("--every", every, "take every Nth photo (CTest's reduced run)");
    app.add_flag("--attempts", attempts, "also: what each attempt reads alone (upright)");
    app.add_option("--min-upright", minUpright, "exit 1 if fewer are read upright");
    app.add_option("--speed-frames", speedFrames, "1280x720 frames timed for each case");
    CLI11_PARSE(app, argc, argv);

    std::vector<bench::Photo> photos = bench::loadPhotoSet(where);
    if (photos.empty()) {
        std::printf("no photos at %s: skipped\n", where.c_str());
        return 0;
    }
    std::vector<bench::Photo> chosen;
    for (std::size_t i = 0; i < photos.size(); i += static_cast<std::size_t>(std::max(every, 1)))
        chosen.push_back(photos[i]);

    std::map<std::string, std::array<Tally, 4>> pipeline;
    std::map<std::string, std::array<Tally, 4>> bare;
    std::array<Tally, 4> pipelineAll{}, bareAll{};
    std::vector<Tally> solo(qrAttempts().size());
    std::vector<double> stillMs;
    std::vector<std::string> upMissed;
    for (const auto& photo : chosen) {
        auto image = loadGreyImage(photo.path);
        if (!image) {
            std::printf("unreadable: %s\n", photo.path.c_str());
            continue;
        }
        for (int turn = 0; turn < 4; ++turn) {
            const GreyImage turned = rotated(image.value(), turn);
            FrameScanner scanner;
            const auto start = Clock::now();
            const auto hit = scanner.scan(turned, QrReader::Effort::Still);
            stillMs.push_back(msSince(start));
            pipeline[photo.group][turn].count(hit, photo.expected);
            pipelineAll[turn].count(hit, photo.expected);
            const auto bareHit = QrReader::readBare(turned);
            bare[photo.group][turn].count(bareHit, photo.expected);
            bareAll[turn].count(bareHit, photo.expected);
            if (turn == 0 && (!hit || hit->text != photo.expected) && !photo.expected.empty())
                upMissed.push_back(
                    photo.path.substr(photo.path.rfind('/', photo.path.rfind('/') - 1) + 1));
        }
        if (attempts)
            for (std::size_t i = 0; i < solo.size(); ++i)
                solo[i].count(QrReader::readWith(image.value(), qrAttempts()[i]), photo.expected);
    }

    std::printf("Scanner accuracy: %zu photos of %s (correct/wrong/missed)\n", chosen.size(),
                where.c_str());
    std::printf("%-12s | %-10s %-10s %-10s %-10s | bare ZXing tryHarder+tryRotate\n", "folder",
                "0°", "90°", "180°", "270°");
    auto row = [](const std::string& name, const std::array<Tally, 4>& p,
                  const std::array<Tally, 4>& b) {
        std::printf("%-12s | %s %s %s %s | %s %s %s %s\n", name.c_str(), p[0].cell().c_str(),
                    p[1].cell().c_str(), p[2].cell().c_str(), p[3].cell().c_str(),
                    b[0].cell().c_str(), b[1].cell().c_str(), b[2].cell().c_str(),
                    b[3].cell().c_str());
    };
    for (const auto& [group, tallies] : pipeline) row(group, tallies, bare[group]);
    row("all", pipelineAll, bareAll);
    std::printf("frames with no code: %d, false reads: %d\n", pipelineAll[0].empty,
                pipelineAll[0].falseReads);
    std::printf("still photo, all attempts: p50 %.1f ms, p95 %.1f ms per photo\n",
                percentile(stillMs, 0.5), percentile(stillMs, 0.95));
    if (attempts) {
        std::printf("each attempt alone, upright:\n");
        for (std::size_t i = 0; i < solo.size(); ++i)
            std::printf("  %-16s %s\n", qrAttempts()[i].name, solo[i].cell().c_str());
    }
    if (!upMissed.empty()) {
        std::printf("not read upright:");
        for (const auto& m : upMissed) std::printf(" %s", m.c_str());
        std::printf("\n");
    }

    // T6: 1280x720 live frames, as the scanner thread gets them from a camera.
    std::vector<GreyImage> withCode;
    for (const auto& photo : chosen)
        if (!photo.expected.empty())
            if (auto image = loadGreyImage(photo.path)) withCode.push_back(inFrame(image.value()));
    std::vector<double> codeMs, emptyMs;
    FrameScanner live(kLiveOptions);
    // Each photo held in view for a few frames, as a resident holds a code up: read or not.
    int held = 0, readInTime = 0;
    for (int i = 0; i < speedFrames && !withCode.empty(); i += kHeldFrames, ++held) {
        bool read = false;
        for (int f = 0; f < kHeldFrames; ++f) {
            const auto start = Clock::now();
            read =
                live.scan(withCode[held % withCode.size()], QrReader::Effort::Live).has_value() ||
                read;
            codeMs.push_back(msSince(start));
        }
        readInTime += read;
    }
    int falseLive = 0;
    for (int i = 0; i < speedFrames; ++i) {
        const GreyImage frame = codeFree(static_cast<unsigned>(i % 20));
        const auto start = Clock::now();
        if (live.scan(frame, QrReader::Effort::Live)) ++falseLive;
        emptyMs.push_back(msSince(start));
    }
    std::printf(
        "1280x720 live frames, with a code: p50 %.1f ms, p95 %.1f ms (%zu frames); "
        "codes read within %d frames: %d / %d\n",
        percentile(codeMs, 0.5), percentile(codeMs, 0.95), codeMs.size(), kHeldFrames, readInTime,
        held);
    std::printf(
        "1280x720 live frames, no code: p50 %.1f ms, p95 %.1f ms (%zu frames, %d false reads)\n",
        percentile(emptyMs, 0.5), percentile(emptyMs, 0.95), emptyMs.size(), falseLive);

    const int wrong =
        pipelineAll[0].wrong + pipelineAll[1].wrong + pipelineAll[2].wrong + pipelineAll[3].wrong;
    if (pipelineAll[0].correct < minUpright || wrong > 0 || pipelineAll[0].falseReads > 0 ||
        falseLive > 0) {
        std::printf("FAIL: upright %d < %d, or wrong texts / false reads\n", pipelineAll[0].correct,
                    minUpright);
        return 1;
    }
    return 0;
}
