// Phone numbers at rest: libsodium secretbox with a key held in its own file outside the
// database (created 0600 on first start; refused when group/world readable or the wrong size).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace homedesk::store {

class PhoneCipher {
  public:
    static constexpr size_t kKeyBytes = 32;  // crypto_secretbox_KEYBYTES

    // Loads the key file, or creates it (mode 0600, fsynced) when it does not exist.
    static Result<PhoneCipher> openOrCreate(const std::string& keyPath);

    PhoneCipher(const PhoneCipher&) = delete;
    PhoneCipher& operator=(const PhoneCipher&) = delete;
    PhoneCipher(PhoneCipher&& other) noexcept;
    PhoneCipher& operator=(PhoneCipher&&) = delete;
    ~PhoneCipher();

    // nonce (24 bytes, random per value) followed by the MAC and the ciphertext.
    std::vector<unsigned char> seal(std::string_view plain) const;
    Result<std::string> open(const std::vector<unsigned char>& sealed) const;

  private:
    PhoneCipher() = default;
    std::array<unsigned char, kKeyBytes> m_key{};
};

}  // namespace homedesk::store
