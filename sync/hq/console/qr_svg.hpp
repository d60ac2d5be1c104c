// A QR code as an SVG image (the enrollment token for a terminal's camera); the console's only
// door to ZXing.
#pragma once

#include <string>

#include "base/result.hpp"

namespace homedesk::hq {

Result<std::string> qrSvg(const std::string& text);

}  // namespace homedesk::hq
