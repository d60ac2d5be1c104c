#include "kiosk/core/phone.hpp"

#include <algorithm>

namespace homedesk::phone {

static bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isValid(std::string_view d) {
    if (!allDigits(d)) return false;
    if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') return true;
    return d.size() >= 10 && d.size() <= 12 && d[0] == '0';
}

std::string masked(std::string_view d) {
    if (d.size() < 8) return std::string(d.size(), '*');
    std::string out(d.substr(0, 3));
    out.append(d.size() - 7, '*');
    out.append(d.substr(d.size() - 4));
    return out;
}

std::string lastFour(std::string_view d) { return std::string(d.size() >= 4 ? d.substr(d.size() - 4) : d); }

}  // namespace homedesk::phone
