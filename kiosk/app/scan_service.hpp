// The terminal's scanning, for the UI thread: the scanner thread over its frame source (image
// files with --scan-frames; no camera source on this branch yet), the keyboard-wedge detector,
// and the classifier with this terminal's key, community and replay file. It turns what was
// read into intent::Scan for the state and keeps what the scan screen shows (ScanView).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/kiosk_state.hpp"
#include "platform/scan/scanner_thread.hpp"
#include "platform/scan/wedge_detector.hpp"
#include "sync/protocol/replay_file.hpp"
#include "sync/protocol/scan_payload.hpp"

namespace homedesk::app {

class ScanService {
public:
    struct Options {
        std::optional<std::string> framesDir;  // play these image files as the camera
        std::string dataDir;                   // the enrollment file and the replay file live here
        std::string ticketUrl;
    };
    // `wake` is called from the scanner's thread: the app posts an event and calls take().
    ScanService(Options options, std::function<void()> wake);

    // The scan screen (or the enrollment form) is open: the camera runs only then.
    void setActive(bool active);
    // What the scanner read since the last call, as intents (Read, Sized).
    std::vector<intent::Scan> take(std::int64_t now);
    const ScanView& view() const { return m_view; }

    // A whole code from a barcode scanner (the wedge detector's, or a serial scanner's).
    intent::Scan classified(const std::string& payload, std::int64_t now);
    platform::WedgeDetector& wedge() { return m_wedge; }

private:
    Options m_options;
    std::unique_ptr<platform::ScannerThread> m_thread;
    std::unique_ptr<protocol::ReplayFile> m_replay;
    platform::WedgeDetector m_wedge;
    ScanView m_view;
};

}  // namespace homedesk::app
