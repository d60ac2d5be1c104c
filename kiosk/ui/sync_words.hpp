// The link to the head office in words: the footer's short status and the Sync screen's figures.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/core/sync_status.hpp"
#include "kiosk/ui/ui.hpp"

namespace homedesk::ui {

// "已同步", "3 条待发送", "离线 · 3 条待发送" ...
std::string syncStatusText(const Ui& ui, const SyncSnapshot& sync);
// How long something has waited: "不到 1 分钟", "12 分钟", "3 小时", "2 天".
std::string waitedFor(const Ui& ui, std::int64_t seconds);
// The colour of the footer's status dot (the words say the same).
Color syncLightColor(const Ui& ui, SyncLight light);

}  // namespace homedesk::ui
