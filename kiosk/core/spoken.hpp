// Words shaped for read-aloud: a code said digit by digit (an engine reads "39243770" as a
// number in the tens of millions, which nobody can copy down).
#pragma once

#include <string>
#include <string_view>

namespace homedesk {

// "3924-3770" -> "3 9 2 4, 3 7 7 0": a space between digits, a pause at anything else.
std::string spellDigits(std::string_view code);

}  // namespace homedesk
