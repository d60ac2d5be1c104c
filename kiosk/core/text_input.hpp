// How a resident writes free text: quick phrases, pinyin, handwriting or Latin letters, chosen
// for the session only; and what the app's input methods show (composition, candidates, ink),
// which the app fills each frame and screens only read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace homedesk {

enum class InputMethodKind { Phrases, Pinyin, Handwriting, Latin };
inline constexpr InputMethodKind kInputMethods[] = {InputMethodKind::Phrases, InputMethodKind::Pinyin,
                                                    InputMethodKind::Handwriting, InputMethodKind::Latin};
std::string_view toString(InputMethodKind kind);

struct InkDot {
    float x = 0, y = 0;  // 0..1 across the writing box
};
using InkLine = std::vector<InkDot>;

// Handwriting has two boxes side by side: starting to write in the other box takes the best
// candidate of the first, so characters follow one another without a tap between them.
inline constexpr int kInkBoxes = 2;

struct ComposeView {
    bool ready = false;           // the input methods are loaded (a worker thread loads them)
    std::string preedit;          // pinyin being composed ("bao xiu"), "" when idle
    std::vector<std::string> candidates;  // pinyin or handwriting candidates from `first` on
    std::size_t first = 0;        // index of candidates[0] among all of them
    bool more = false;            // there are candidates after these
    std::vector<InkLine> ink[kInkBoxes];  // strokes written in each box
    int inkBox = 0;               // the box the candidates are for
};

namespace intent {
// A key of the pinyin keyboard or the handwriting pad; the app's input methods take it (apply()
// ignores it) and what they commit comes back as intent::Type.
struct Compose {
    enum class Kind {
        Letter,      // `letter` a-z
        Backspace,   // the last pinyin letter, or the field's last character when not composing
        Space,       // takes the first candidate while composing, else types a space
        Choose,      // candidate `index` (counted over all candidates)
        PageBack,
        PageOn,      // `index`: the first candidate not shown
        InkDown,     // a stroke starts at `x`,`y` in box `box`
        InkMove,
        InkUp,
        UndoStroke,
        ClearInk,
    } kind;
    char letter = 0;
    std::size_t index = 0;
    float x = 0, y = 0;
    int box = 0;
};
// The resident's choice of input method, kept until the session ends.
struct SetInputMethod {
    InputMethodKind kind;
};
}  // namespace intent

}  // namespace homedesk
