// The handwriting pad: two large writing boxes side by side (writing in the other box takes the
// first box's best candidate, so characters follow without a tap), the ink as it is written,
// and undo-stroke and clear. A finger's path is sent as intent::Compose InkDown/InkMove/InkUp
// in box coordinates (0..1). Ids: ime.pad.0, ime.pad.1, ime.undo, ime.clear_ink.
#pragma once

#include "kiosk/core/text_input.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

void inkPad(const Ui& ui, const ComposeView& compose, Rect rect);

}  // namespace homedesk::ui
