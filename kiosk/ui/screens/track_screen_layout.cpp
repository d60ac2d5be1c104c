// Timeline columns and type size.
#include "kiosk/ui/screens/track_screen_layout.hpp"

namespace homedesk::ui {

TimelineColumns timelineColumns(std::size_t stages, int columns, float width, float gap,
                                float dot) {
    const float colW = (width - gap * 2 * (columns - 1)) / columns;
    const auto cols = static_cast<std::size_t>(columns);
    return {(stages + cols - 1) / cols, colW, colW - dot - gap};
}

int wideTimelineColumns(float width, float height) {
    return width > height * 1.5f ? 2 : 1;
}

std::pair<int, FontRole> chooseTimelineLayout(int wideColumns, float available,
                                              const std::function<float(FontRole, int)>& heightOf) {
    for (int cols : {wideColumns, wideColumns + 1})
        for (FontRole r : {FontRole::Display, FontRole::Title, FontRole::Strong, FontRole::Body})
            if (heightOf(r, cols) <= available) return {cols, r};
    return {wideColumns + 1, FontRole::Body};
}

}  // namespace homedesk::ui
