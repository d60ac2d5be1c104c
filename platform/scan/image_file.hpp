// Still images from disk (PNG, JPEG, BMP, GIF, PGM) as grey images: the file source's frames,
// the benchmark's photos and the tests' pictures.
#pragma once

#include <string>

#include "base/result.hpp"
#include "platform/scan/grey_image.hpp"

namespace homedesk::platform {

Result<GreyImage> loadGreyImage(const std::string& path);

}  // namespace homedesk::platform
