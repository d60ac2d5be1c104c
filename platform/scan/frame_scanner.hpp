// The work done on one frame: region of interest, downscaling of large frames, then the QR
// reader's attempts. No thread and no state but the reader's turn: the scanner thread, the
// benchmark and the tests all call this.
#pragma once

#include <optional>

#include "platform/scan/grey_image.hpp"
#include "platform/scan/qr_reader.hpp"

namespace homedesk::platform {

struct ScanOptions {
    double roi = 1.0;        // the centre fraction of each side that is searched
    int maxSide = 1280;      // longer frames are box-averaged down by 2 (or more) first
};

class FrameScanner {
public:
    explicit FrameScanner(ScanOptions options = {}) : m_options(options) {}
    // A hit's `side` is in pixels of the frame given here.
    std::optional<QrHit> scan(const GreyImage& frame, QrReader::Effort effort);

private:
    ScanOptions m_options;
    QrReader m_reader;
};

}  // namespace homedesk::platform
