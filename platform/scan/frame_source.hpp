// Where frames come from: a camera, or image files played as if they were one. The scanner
// thread pulls the newest frame; a source never queues old ones (a slow decode drops frames).
#pragma once

#include <optional>
#include <string>

#include "platform/scan/grey_image.hpp"

namespace homedesk::platform {

class FrameSource {
public:
    enum class State { Running, Unplugged, Failed };
    virtual ~FrameSource() = default;
    // Starts capturing (the scan screen opened) / stops (it closed: no work while it is shut).
    virtual bool start() = 0;
    virtual void stop() = 0;
    // The newest frame, waiting up to `timeoutMs` for one; none on timeout or while unplugged.
    virtual std::optional<GreyImage> next(int timeoutMs) = 0;
    virtual State state() const = 0;
    virtual std::string describe() const = 0;  // for logs: "/dev/video0 1280x720 MJPEG"
};

}  // namespace homedesk::platform
