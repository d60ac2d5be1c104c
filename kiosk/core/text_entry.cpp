#include "kiosk/core/text_entry.hpp"

#include <optional>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

namespace {

bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool isLatin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }

// Characters our fonts draw and the head office can store: no controls, no emoji or pictographs
// (they would show as empty boxes), no private use, no unpaired surrogates or replacement marks.
bool isPrintable(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c >= 0xE000 && c <= 0xF8FF) return false;   // private use
    if (c >= 0x2600 && c <= 0x27BF) return false;   // symbols and dingbats (emoji-styled)
    if (c >= 0xFE00 && c <= 0xFE0F) return false;   // variation selectors
    if (c == 0x200D || c == utf8::kReplacement || utf8::isReordering(c)) return false;
    return c < 0x10000;  // everything beyond the BMP here is emoji or rare ideographs we lack
}

// The character as it goes into the field (letters of a code upper-cased), or nothing.
std::optional<char32_t> accept(char32_t c, EntryMode mode) {
    switch (mode) {
        case EntryMode::None: return std::nullopt;
        case EntryMode::Digits:
            if (isDigit(c)) return c;
            return std::nullopt;
        case EntryMode::DigitsDash:
            if (isDigit(c) || c == U'-') return c;
            return std::nullopt;
        case EntryMode::Code:
            if (c >= U'a' && c <= U'z') return c - U'a' + U'A';
            if (isDigit(c) || isLatin(c) || c == U'-') return c;
            return std::nullopt;
        case EntryMode::Text:
            if (isPrintable(c)) return c;
            return std::nullopt;
    }
    return std::nullopt;
}

const char* refusal(EntryMode mode) {
    switch (mode) {
        case EntryMode::Digits:
        case EntryMode::DigitsDash: return "entry.error.digits_only";
        case EntryMode::Code: return "entry.error.letters_digits_only";
        case EntryMode::None:
        case EntryMode::Text: break;
    }
    return "entry.error.unsupported";
}

}  // namespace

std::size_t charCount(std::string_view text) {
    std::size_t n = 0, pos = 0;
    while (pos < text.size()) {
        utf8::next(text, pos);
        ++n;
    }
    return n;
}

std::string typeInto(std::string& entry, std::string_view typed, EntrySpec spec) {
    std::string refused;
    std::size_t count = charCount(entry);
    std::size_t pos = 0;
    while (pos < typed.size()) {
        const char32_t c = utf8::next(typed, pos);
        if (c == U'\r' || c == U'\n') continue;  // a scanner's Enter is not part of the value
        const auto ok = accept(c, spec.mode);
        if (!ok) {
            if (refused.empty()) refused = refusal(spec.mode);
            continue;
        }
        if (count >= spec.maxChars) return "entry.error.too_long";
        utf8::append(entry, *ok);
        ++count;
    }
    return refused;
}

void eraseLast(std::string& entry) {
    if (entry.empty()) return;
    size_t cut = entry.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(entry[cut]) & 0xC0) == 0x80) --cut;
    entry.erase(cut);
}

}  // namespace homedesk
