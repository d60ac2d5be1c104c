// QR codes drawn by the terminal (the receipt's "follow it on your phone"), encoded with
// ZXing-C++'s writer. The result is plain modules so the UI can draw them without ZXing.
#pragma once

#include <string>
#include <vector>

#include "kiosk/core/qr_modules.hpp"
#include "base/result.hpp"

namespace homedesk::platform {

Result<QrModules> encodeQr(const std::string& text);

}  // namespace homedesk::platform
