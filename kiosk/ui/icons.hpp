// Line icons for the Home tiles, drawn with ImGui's draw list (no image files to load).
#pragma once

#include "kiosk/ui/widgets.hpp"

struct ImDrawList;

namespace homedesk::ui {

// Draws `icon` centred at (cx, cy) inside a square of side `size`.
void drawIcon(ImDrawList* list, Icon icon, float cx, float cy, float size, unsigned color);

}  // namespace homedesk::ui
