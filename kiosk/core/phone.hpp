// Phone numbers as residents type them on the keypad: digits only, checked, shown masked.
#pragma once

#include <string>
#include <string_view>

namespace homedesk::phone {

inline constexpr size_t kMaxDigits = 12;

// A mainland mobile (11 digits starting 1[3-9]) or a landline with area code (10-12 digits
// starting 0).
bool isValid(std::string_view digits);

// "138****5678": the first three and last four digits, the rest hidden. Short input shows as
// many stars as digits, so the resident sees the count grow.
std::string masked(std::string_view digits);

std::string lastFour(std::string_view digits);

}  // namespace homedesk::phone
