// Ed25519 keys that sign QR tokens. The head office keeps the secret key; terminals get the
// public key from /config and verify offline.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace homedesk::protocol {

struct PublicKey {
    std::array<unsigned char, 32> bytes{};
    std::string encoded() const;  // base64url, 43 characters
};

struct SigningKey {
    std::array<unsigned char, 64> secret{};  // libsodium's seed + public key form
    PublicKey publicKey;
    std::string encoded() const;  // base64url of the secret, 86 characters
};

// Calls sodium_init() (idempotent); false only if libsodium cannot start.
bool cryptoReady();
SigningKey generateSigningKey();
Result<PublicKey> publicKeyFrom(std::string_view encoded);
Result<SigningKey> signingKeyFrom(std::string_view encoded);

}  // namespace homedesk::protocol
