// The pinyin keyboard and the candidate bar the pinyin keyboard and the handwriting pad share.
// Keys emit intent::Compose (letters, backspace, space) or intent::Type (digits, Chinese
// punctuation); the app's input method answers. Ids: ime.key.a … ime.key.z, ime.key.0 … 9,
// ime.key.comma|period|question|exclaim|pause, ime.key.space, ime.key.backspace, ime.key.clear;
// ime.candidate.<n> (n counted over all candidates), ime.page_back, ime.page_on.
#pragma once

#include "kiosk/core/text_input.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

// The composition (muted, at the left) and as many candidates as fit in large type, with big
// arrows to page. Draws nothing but an empty bar when there is nothing to choose.
void candidateBar(const Ui& ui, const ComposeView& compose, Rect rect);
float candidateBarHeight(const Ui& ui);

void pinyinKeyboard(const Ui& ui, const ComposeView& compose, Rect rect);

}  // namespace homedesk::ui
