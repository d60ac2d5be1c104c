// Big Up/Down page buttons for text longer than the screen: no drag needed, ever.
#pragma once

#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

// A row of [Up] "page 2 / 3" [Down] in `row`; ids `<prefix>.page_up` / `<prefix>.page_down`,
// each drawn only when it can move. Returns -1 (up), +1 (down) or 0.
int pager(const Ui& ui, std::string_view prefix, Rect row, int page, int pages);

// The same as a column beside the text (wide screens, where height is scarce): Up at the top,
// the position in the middle, Down at the bottom.
int pagerColumn(const Ui& ui, std::string_view prefix, Rect column, int page, int pages);
// How wide that column is.
float pagerColumnWidth(const Ui& ui);

// Lines `first`.. that fit `height`, at `lineH` each (at least one).
int linesPerPage(float height, float lineH);

}  // namespace homedesk::ui
