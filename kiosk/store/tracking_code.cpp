// Tracking codes: BLAKE2b of the client id, read as base-31 digits.
#include "kiosk/store/tracking_code.hpp"

#include <sodium.h>

#include <cctype>
#include <cstdint>

namespace homedesk::store {

std::string trackingCodeFor(std::string_view clientId, unsigned attempt) {
    std::string input(clientId);
    if (attempt > 0) input += "#" + std::to_string(attempt);
    unsigned char hash[8];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    std::uint64_t n = 0;
    for (unsigned char b : hash) n = (n << 8) | b;
    std::string code;
    for (size_t i = 0; i < kTrackingCodeLength; ++i) {
        code += kTrackingAlphabet[n % kTrackingAlphabet.size()];
        n /= kTrackingAlphabet.size();
    }
    return code;
}

std::string normalizeTrackingInput(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace homedesk::store
