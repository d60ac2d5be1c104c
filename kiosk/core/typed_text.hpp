// Text a resident typed (on-screen keyboard, a USB keyboard or a scanner wedge), made fit to
// keep: valid UTF-8 and only characters the terminal can show. Emoji, control characters and
// invalid bytes are left out, and the caller is told so it can say so on screen.
#pragma once

#include <string>
#include <string_view>

namespace homedesk {

struct TypedText {
    std::string text;
    size_t characters = 0;  // code points in text
    bool removed = false;   // something was left out
};

TypedText cleanTyped(std::string_view input);

// What goes between a description and the next quick phrase: ", " between Latin text (English
// phrases), the Chinese comma otherwise; nothing before the first phrase.
std::string phraseSeparator(std::string_view before, std::string_view phrase);

}  // namespace homedesk
