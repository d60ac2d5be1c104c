// The automation's report beside each screenshot: screen, settings, flows, receipt, sync state,
// fonts, what was read aloud and every widget with its rectangle (docs/automation.md).
#pragma once

#include <cstdint>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/sync_status.hpp"
#include "kiosk/core/theme.hpp"
#include "kiosk/ui/font_atlas.hpp"
#include "kiosk/ui/ui.hpp"

namespace homedesk::app {

// What the report is made from: the app's parts, read only.
struct ShotSources {
    const KioskState& state;
    bool highContrast = false;
    bool prompting = false;
    long frameFaults = 0;
    int width = 0;
    int height = 0;
    const Theme& theme;
    const ui::FontAtlas& fonts;
    const std::deque<std::string>& spoken;
    const SyncSnapshot& sync;
    const ui::WidgetRegistry& widgets;
    std::int64_t now = 0;  // wall seconds
};

nlohmann::json shotInfo(const ShotSources& in);

}  // namespace homedesk::app
