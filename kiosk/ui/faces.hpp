// The survey's five faces, drawn with ImGui primitives (circle, eyes, a mouth arc from frown to
// smile) in the theme's face colours, always with their words under them: never colour alone.
#pragma once

#include <string_view>

#include "kiosk/ui/widgets.hpp"

struct ImDrawList;

namespace homedesk::ui {

// A face for `score` (1..5) centred at (cx, cy) with radius r.
void drawFace(const Ui& ui, ImDrawList* list, int score, float cx, float cy, float r);

// A tappable cell: the face above `label` (or beside it, for rows in portrait). `selected` marks
// the score given before.
// `labelH` (> 0) reserves the same room for every label of a row, so the faces match in size.
bool faceButton(const Ui& ui, std::string_view id, int score, std::string_view label, Rect rect, bool selected,
                bool beside = false, float labelH = 0);

}  // namespace homedesk::ui
