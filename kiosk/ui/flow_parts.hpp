// Pieces the complaint and survey screens share: the step's question with its refusal under it,
// big two-line option buttons, and the large-type read-back.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/kiosk_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

// The question in display type and, when the last input was refused, the message on a banner.
// Returns the top of what follows.
float flowHeading(const Ui& ui, std::string_view question, const std::string& errorKey, Rect content);

// One big option per row: a title and a hint line under it. Returns the index tapped.
struct Option {
    std::string id, title, hint;
};
std::optional<size_t> optionList(const Ui& ui, const std::vector<Option>& options, Rect area);

// Label/value rows in the largest type that leaves `reserve` pixels free below; two columns on
// wide screens. Returns the bottom of the rows.
using ReadBackRows = std::vector<std::pair<std::string, std::string>>;
float readBack(const Ui& ui, const ReadBackRows& rows, Rect body, float reserve);
// The height the rows need in `role` at width `w`.
float readBackHeight(const Ui& ui, const ReadBackRows& rows, float w, float h, FontRole role);

// The read-back and its confirming button: the button under the rows on tall screens, at the
// right on wide ones. Where the rows do not fit even in body type (landscape, large text),
// `compact` (one paragraph, clipped to the room) stands in for them. While `busy`, the button's
// place says `busyText`. Returns true when the button was tapped.
bool confirmStep(const Ui& ui, const ReadBackRows& rows, const std::string& compact, Rect body, std::string_view id,
                 std::string_view label, bool busy, std::string_view busyText);

// A step that takes free text: the field (what is typed so far, with a count and the reason keys
// were refused), chips for the ways of writing (quick phrases if there are any, pinyin,
// handwriting, Latin: intent::SetInputMethod, kept for the session), what the chosen one shows,
// and Next. Tall screens with room show the phrases with the Latin keyboard. Switching keeps the
// text. Ids: <prefix>.phrase.<key>, <prefix>.method.<phrases|pinyin|handwriting|latin>,
// <prefix>.next, and the keyboards' and the pad's own.
struct TextStep {
    std::string prefix;
    std::string placeholder;
    std::string countPattern;  // "{n}/{max}"
    size_t maxChars = 0;
    std::vector<std::pair<std::string, std::string>> phrases;
    std::string nextLabel;
};
struct TextStepTap {
    std::optional<size_t> phrase;
    bool next = false;
};
TextStepTap textStep(const Ui& ui, const KioskView& view, const TextStep& step, Rect body);

}  // namespace homedesk::ui
