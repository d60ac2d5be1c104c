#include "kiosk/core/typed_text.hpp"

#include "kiosk/core/utf8.hpp"

namespace homedesk {

namespace {
// The font subset holds the Basic Multilingual Plane's scripts and symbols (assets/fonts/charset.py);
// emoji live above it or in the dingbats, with variation selectors and joiners around them.
bool showable(char32_t cp) {
    if (cp == '\n') return true;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;  // control characters
    if (cp == utf8::kReplacement) return false;                  // an invalid byte
    if (cp > 0xFFFF) return false;                               // emoji and rare scripts
    if (cp >= 0x2700 && cp <= 0x27BF) return false;              // dingbats (✂ ✅)
    if (cp >= 0xFE00 && cp <= 0xFE0F) return false;              // variation selectors
    if (utf8::isReordering(cp)) return false;                    // bidi marks, separators
    if (cp == 0x200D || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF)) return false;
    return true;
}
}  // namespace

TypedText cleanTyped(std::string_view input) {
    TypedText out;
    out.text.reserve(input.size());
    size_t pos = 0;
    while (pos < input.size()) {
        const size_t start = pos;
        const char32_t cp = utf8::next(input, pos);
        // A literal U+FFFD typed as three valid bytes is kept; one made from a bad byte is not.
        const bool literal = cp == utf8::kReplacement && pos - start == 3;
        if (showable(cp) || literal) {
            out.text.append(input.substr(start, pos - start));
            ++out.characters;
        } else {
            out.removed = true;
        }
    }
    return out;
}

std::string phraseSeparator(std::string_view before, std::string_view phrase) {
    if (before.empty()) return {};
    const auto latin = [](unsigned char c) { return c < 0x80; };
    return latin(before.back()) && !phrase.empty() && latin(phrase.front()) ? ", " : "，";
}

}  // namespace homedesk
