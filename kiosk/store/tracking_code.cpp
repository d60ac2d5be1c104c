// Tracking codes: BLAKE2b of the client id, read as eight decimal digits.
#include "kiosk/store/tracking_code.hpp"

#include <sodium.h>

#include <cctype>
#include <cstdint>

namespace homedesk::store {

std::string trackingCodeFor(std::string_view clientId, unsigned attempt) {
    std::string input(clientId);
    if (attempt > 0) input += "#" + std::to_string(attempt);
    unsigned char hash[8];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size(), nullptr, 0);
    std::uint64_t n = 0;
    for (unsigned char b : hash) n = (n << 8) | b;
    std::string code;
    for (size_t i = 0; i < kTrackingCodeLength; ++i) {
        code += static_cast<char>('0' + n % 10);
        n /= 10;
    }
    return code;
}

std::optional<std::string> normalizeTrackingInput(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u) || u > 0x7F) return std::nullopt;
        out += static_cast<char>(std::toupper(u));
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::string numberDigits(std::string_view number) {
    std::string out;
    for (char c : number)
        if (c >= '0' && c <= '9' && !(out.empty() && c == '0')) out += c;
    return out;
}

}  // namespace homedesk::store
