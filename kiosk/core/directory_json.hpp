// The community directory from JSON: the demo file now, the head office's configuration feed
// later. Strict: anything malformed is refused with the path of the bad field.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/directory.hpp"
#include "base/result.hpp"

namespace homedesk {

Result<Directory> parseDirectory(std::string_view json, const std::string& source);
Result<Directory> loadDirectory(const std::string& path);

}  // namespace homedesk
