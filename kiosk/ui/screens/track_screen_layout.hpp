// The track timeline's layout math, apart from ImGui so it is tested with real values: how many
// columns, how the stages split over them, and the largest type that fits.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>

#include "kiosk/ui/font_atlas.hpp"

namespace homedesk::ui {

struct TimelineColumns {
    std::size_t perColumn = 0;  // stages in each column (the last may hold fewer)
    float colW = 0;             // one column's width
    float lineW = 0;            // its text's width, right of the dot
};

// `columns` columns across `width`, 2 gaps apart; each line starts a dot and a gap in.
TimelineColumns timelineColumns(std::size_t stages, int columns, float width, float gap, float dot);

// Two columns on a screen much wider than tall (submitted..dispatched | in progress..callback).
int wideTimelineColumns(float width, float height);

// The first layout, from the widest type down and from `wideColumns` to one column more, whose
// height (`heightOf(role, columns)`) fits in `available`; the smallest, widest when none does.
std::pair<int, FontRole> chooseTimelineLayout(int wideColumns, float available,
                                              const std::function<float(FontRole, int)>& heightOf);

}  // namespace homedesk::ui
