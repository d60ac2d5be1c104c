#include "platform/scan/frame_scanner.hpp"

#include <algorithm>

namespace homedesk::platform {

std::optional<QrHit> FrameScanner::scan(const GreyImage& frame, QrReader::Effort effort) {
    const GreyImage region = m_options.roi < 1.0 ? centre(frame, m_options.roi) : GreyImage{};
    const GreyImage& input = region.empty() ? frame : region;
    int factor = 1;
    while (std::max(input.width, input.height) / factor > m_options.maxSide) factor *= 2;
    if (factor == 1) return m_reader.read(input, effort);
    auto hit = m_reader.read(downscale(input, factor), effort);
    if (hit) hit->side *= factor;
    return hit;
}

}  // namespace homedesk::platform
