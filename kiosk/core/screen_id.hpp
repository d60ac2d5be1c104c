// The terminal's screens, by a stable id. Enroll stands in for Home until the terminal has
// enrolled; Sync opens from the footer.
#pragma once

#include <string_view>

namespace homedesk {

enum class ScreenId { Home, Repair, Complaint, Survey, Notices, Track, Scan, Guide, Enroll, Sync };

std::string_view screenName(ScreenId id);  // stable, for automation and logs

}  // namespace homedesk
