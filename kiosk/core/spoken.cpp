#include "kiosk/core/spoken.hpp"

namespace homedesk {

std::string spellDigits(std::string_view code) {
    std::string out;
    for (char c : code) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit) {
            if (!out.empty() && out.back() != ',') out += ',';
            continue;
        }
        if (!out.empty()) out += ' ';
        out += c;
    }
    return out;
}

}  // namespace homedesk
