// Big-key pickers: a numeric keypad for phone and flat numbers, and a grid of choices.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

// 1-9, then "-" (when allowed), 0 and Delete, in a 3x4 grid filling `rect`. Emits intent::Key.
void keypad(const Ui& ui, Rect rect, bool allowDash);

// The typed value in a framed box, masked if asked (phone numbers).
void entryBox(const Ui& ui, std::string_view shown, std::string_view placeholder, Rect rect);

// Buttons for `labels` in `cols` columns from the top of `area`, each up to `rowH` tall; rows
// shrink and columns are added to fit `area` (an area of height 0 is unbounded). Returns the
// index tapped. Ids are `<prefix>.<key>`.
std::optional<size_t> choiceGrid(const Ui& ui, std::string_view prefix,
                                 const std::vector<std::pair<std::string, std::string>>& keyedLabels,
                                 Rect area, int cols, float rowH);

}  // namespace homedesk::ui
