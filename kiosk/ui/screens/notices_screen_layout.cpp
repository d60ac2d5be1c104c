// Chip rows and list pages.
#include "kiosk/ui/screens/notices_screen_layout.hpp"

namespace homedesk::ui {

int chipColumns(const std::vector<float>& labelWidths, float width, float gap, float padding) {
    const auto fits = [&](int columns) {
        const float w = (width - gap * (columns - 1)) / columns;
        for (float label : labelWidths)
            if (label + 2 * padding > w) return false;
        return true;
    };
    int columns = static_cast<int>(labelWidths.size());
    while (columns > 2 && !fits(columns)) --columns;
    return columns;
}

std::vector<std::size_t> pageStarts(const std::vector<float>& heights, float room, float gap) {
    std::vector<std::size_t> starts{0};
    float used = 0;
    for (std::size_t i = 0; i < heights.size(); ++i) {
        if (used > 0 && used + heights[i] > room) {
            starts.push_back(i);
            used = 0;
        }
        used += heights[i] + gap;
    }
    return starts;
}

}  // namespace homedesk::ui
