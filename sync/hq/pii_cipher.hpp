// Residents' personal fields at the head office (the phone number a resident leaves): sealed
// with libsodium's secretbox under a key kept outside the database, in `<db>.pii-key` (0600).
// A copy of hq.db alone does not give the numbers away; the service user reads both.
#pragma once

#include <array>
#include <string>

#include "base/result.hpp"

namespace homedesk::hq {

class PiiCipher {
public:
    // Loads the key file, or creates it (0600, written atomically) when it does not exist.
    static Result<PiiCipher> openOrCreate(const std::string& keyPath);

    // "s1." + base64url(nonce | MAC | ciphertext); a fresh random nonce for every value.
    std::string seal(const std::string& plain) const;
    // Nothing when the text is not a value this key sealed (tampered, another key, truncated).
    Result<std::string> open(const std::string& sealed) const;

    static bool isSealed(const std::string& text);

private:
    PiiCipher() = default;
    std::array<unsigned char, 32> m_key{};
};

}  // namespace homedesk::hq
