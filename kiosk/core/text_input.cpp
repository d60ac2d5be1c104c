#include "kiosk/core/text_input.hpp"

namespace homedesk {

std::string_view toString(InputMethodKind kind) {
    switch (kind) {
        case InputMethodKind::Phrases: return "phrases";
        case InputMethodKind::Pinyin: return "pinyin";
        case InputMethodKind::Handwriting: return "handwriting";
        case InputMethodKind::Latin: return "latin";
    }
    return "phrases";
}

}  // namespace homedesk
