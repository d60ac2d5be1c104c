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

}  // namespace homedesk
