// Reading QR codes from grey images: the one door to ZXing-C++'s reader. A list of attempts
// (binarizer, scale, inversion, margin, sharpening), tried in order until one reads. A still
// photo gets all of them; a live camera frame gets one: the first on every other frame and the
// others in turn between, so a frame costs one attempt and a hard code is met within a second.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "platform/scan/grey_image.hpp"

namespace homedesk::platform {

struct QrHit {
    std::string text;   // UTF-8
    int side = 0;       // the code's side in pixels of the image given to read()
    int attempt = 0;    // which attempt read it (for the benchmark)
};

struct QrAttempt {
    enum class Binarizer { LocalAverage, GlobalHistogram, FixedThreshold };
    enum class Scale { Same, Half, Double };
    Binarizer binarizer = Binarizer::LocalAverage;
    Scale scale = Scale::Same;
    bool invert = false;
    bool pad = false;      // a white margin first: codes printed or cropped with no quiet zone
    bool sharpen = false;  // an unsharp mask first: soft, out-of-focus photos
    const char* name = "";
};

// The attempts, in order. Tuned on qr-photos as a whole (BENCHMARKS.md); nothing per image.
const std::vector<QrAttempt>& qrAttempts();

class QrReader {
public:
    enum class Effort { Live, Still };
    std::optional<QrHit> read(const GreyImage& image, Effort effort);
    // One attempt alone (the benchmark's per-attempt column, and a bare ZXing baseline when
    // `bare` is set: tryHarder + tryRotate on the image as it is, as ZXing's own example does).
    static std::optional<QrHit> readWith(const GreyImage& image, const QrAttempt& attempt);
    static std::optional<QrHit> readBare(const GreyImage& image);

private:
    std::size_t m_nextExtra = 1;
    bool m_liveFrame = false;
};

}  // namespace homedesk::platform
