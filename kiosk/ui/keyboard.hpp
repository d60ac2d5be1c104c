// The plain on-screen keyboard for Latin letters and numbers: a digits row, three letter rows
// (QWERTY) and a row of space, punctuation and Delete. Emits intent::Type for characters and
// intent::Key for Delete and Shift. Ids are `keyboard.<key>`: keyboard.a … keyboard.z (whatever
// the case shown), keyboard.0 … keyboard.9, keyboard.dash, keyboard.space, keyboard.comma,
// keyboard.period, keyboard.question, keyboard.shift, keyboard.backspace.
#pragma once

#include <string>
#include <vector>

#include "kiosk/core/text_entry.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

// One key of an on-screen keyboard: its full widget id, what it shows and what it emits; `span`
// is its width in letter keys.
struct KeyCap {
    std::string id;
    std::string label;
    Intent intent;
    float span = 1;
    ButtonStyle style = ButtonStyle::Primary;
};
using KeyRow = std::vector<KeyCap>;

// Draws `rows` in `rect`, every row as tall as the others and centred on the widest. Where even
// the smallest keys would not fit, the first row goes when `dropFirst` allows it.
void keyRows(const Ui& ui, Rect rect, std::vector<KeyRow> rows, bool dropFirst);

// Code mode shows capitals, digits and '-' only; Text mode adds Shift, space and punctuation.
void latinKeyboard(const Ui& ui, Rect rect, EntryMode mode, bool shifted);

// The height a keyboard needs at `width` for keys of at least the theme's minimum target.
float latinKeyboardHeight(const Ui& ui, float width, EntryMode mode);

// A multi-line field being typed in, `rect.h` tall at most: when the text is longer, its end
// (where typing happens) shows. Returns the height used.
float textField(const Ui& ui, std::string_view text, std::string_view placeholder, Rect rect, float minHeight);

// Under a field: why the last keys were refused, in the banner colours (nothing when `key` is
// empty). Returns the height used.
float entryError(const Ui& ui, std::string_view key, Rect area);

}  // namespace homedesk::ui
