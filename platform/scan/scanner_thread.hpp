// The scanner pipeline's thread: while active (a scan screen is open) it pulls the newest frame
// from its source, reads it (FrameScanner, live effort) and keeps the result and a small preview
// for the UI thread, then calls `wake` (the app posts an event; the UI thread take()s). While
// inactive it waits and the source is stopped. Frames that arrive while one is being read are
// dropped by the source, never queued. Everything it runs is caught at its top.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "platform/scan/frame_scanner.hpp"
#include "platform/scan/frame_source.hpp"

namespace homedesk::platform {

struct ScanUpdate {
    std::optional<std::string> text;  // a code read (once per code: repeats are held back)
    int side = 0;                     // the code's side in frame pixels
    int frameShortSide = 0;           // the frame's shorter side, to judge the distance
    FrameSource::State source = FrameSource::State::Running;
    bool sourceChanged = false;       // unplugged / back / failed since the last take()
    std::optional<GreyImage> preview; // the newest frame, downscaled for the screen
};

class ScannerThread {
public:
    static constexpr int kPreviewWidth = 96;
    // The same code seen again within this time is not reported again (it is still held up).
    static constexpr int kRepeatHoldMs = 3000;

    ScannerThread(std::unique_ptr<FrameSource> source, ScanOptions options,
                  std::function<void()> wake);
    ~ScannerThread();
    ScannerThread(const ScannerThread&) = delete;
    ScannerThread& operator=(const ScannerThread&) = delete;

    void setActive(bool active);
    bool active() const { return m_active; }
    ScanUpdate take();  // UI thread
    std::uint64_t framesRead() const { return m_frames; }

private:
    void run();
    void runActive(std::unique_lock<std::mutex>& lock);

    std::unique_ptr<FrameSource> m_source;
    FrameScanner m_scanner;
    std::function<void()> m_wake;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_active = false;
    bool m_quit = false;
    ScanUpdate m_pending;
    std::string m_lastText;
    std::chrono::steady_clock::time_point m_lastAt{};
    std::atomic<std::uint64_t> m_frames{0};
    std::thread m_thread;
};

}  // namespace homedesk::platform
