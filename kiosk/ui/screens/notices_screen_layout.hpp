// The notices list's layout math, apart from ImGui so it is tested with real values: how many
// chips a row takes, and where each page of rows starts.
#pragma once

#include <cstddef>
#include <vector>

namespace homedesk::ui {

// The most chips a row holds (at most one row of all, at least 2 a row) with every label
// (`labelWidths`, plus `padding` each side) inside its chip; rows are `gap` apart.
int chipColumns(const std::vector<float>& labelWidths, float width, float gap, float padding);

// The first row of each page: whole rows of `heights` (each followed by `gap`) within `room`;
// a row taller than the room gets a page of its own.
std::vector<std::size_t> pageStarts(const std::vector<float>& heights, float room, float gap);

}  // namespace homedesk::ui
