// What a field on screen accepts, and typing into it. Keys come from the on-screen keypad and
// keyboard, or from a physical keyboard or scanner wedge (anything at all can arrive there).
// Refused characters leave what was already typed untouched and name the reason by catalog key.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace homedesk {

enum class EntryMode {
    None,        // no field on screen: typing does nothing
    Digits,      // 0-9 (phone numbers, last four digits)
    DigitsDash,  // 0-9 and '-' (flat and ticket numbers)
    Code,        // A-Z, 0-9 and '-', letters upper-cased (enrollment codes)
    Text,        // free text: printable characters of the fonts we carry, no emoji, no controls
};

struct EntrySpec {
    EntryMode mode = EntryMode::None;
    std::size_t maxChars = 0;  // in characters (code points), not bytes
    bool operator==(const EntrySpec&) const = default;
};

inline constexpr std::size_t kMaxFreeText = 500;

// Appends what `typed` holds as far as `spec` allows. Returns "" when everything was taken, or
// the catalog key of why something was not: "entry.error.too_long", "entry.error.digits_only",
// "entry.error.letters_digits_only", "entry.error.unsupported".
std::string typeInto(std::string& entry, std::string_view typed, EntrySpec spec);

// Removes the last character (a whole UTF-8 sequence).
void eraseLast(std::string& entry);

std::size_t charCount(std::string_view text);

}  // namespace homedesk
