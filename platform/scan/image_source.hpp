// A frame source that plays image files (one file, a folder's images in name order, or a
// list) at a steady rate, looping: the demo, the UI tests and the benchmark's camera stand-in.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "platform/scan/frame_source.hpp"

namespace homedesk::platform {

class ImageSource final : public FrameSource {
public:
    // `where` is a file or a folder; frames come every 1000/fps ms.
    explicit ImageSource(const std::string& where, int fps = 15);
    explicit ImageSource(std::vector<std::string> files, int fps = 15);

    bool start() override;
    void stop() override { m_running = false; }
    std::optional<GreyImage> next(int timeoutMs) override;
    State state() const override { return m_files.empty() ? State::Failed : State::Running; }
    std::string describe() const override;

    std::size_t count() const { return m_files.size(); }

private:
    std::vector<std::string> m_files;
    std::chrono::milliseconds m_period;
    std::chrono::steady_clock::time_point m_due{};
    std::size_t m_next = 0;
    bool m_running = false;
};

}  // namespace homedesk::platform
