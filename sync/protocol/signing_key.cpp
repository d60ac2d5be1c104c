#include "sync/protocol/signing_key.hpp"

#include <sodium.h>

#include <cstring>

#include "sync/protocol/base64url.hpp"

namespace homedesk::protocol {

bool cryptoReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string PublicKey::encoded() const { return base64urlEncode(bytes.data(), bytes.size()); }

std::string SigningKey::encoded() const { return base64urlEncode(secret.data(), secret.size()); }

SigningKey generateSigningKey() {
    cryptoReady();
    SigningKey key;
    crypto_sign_keypair(key.publicKey.bytes.data(), key.secret.data());
    return key;
}

Result<PublicKey> publicKeyFrom(std::string_view encoded) {
    auto raw = base64urlDecode(encoded);
    if (!raw || raw->size() != crypto_sign_PUBLICKEYBYTES)
        return invalidInput("signing key", "not a base64url Ed25519 public key");
    PublicKey key;
    std::memcpy(key.bytes.data(), raw->data(), key.bytes.size());
    return key;
}

Result<SigningKey> signingKeyFrom(std::string_view encoded) {
    cryptoReady();
    auto raw = base64urlDecode(encoded);
    if (!raw || raw->size() != crypto_sign_SECRETKEYBYTES)
        return invalidInput("signing key", "not a base64url Ed25519 secret key");
    // Re-derive from the seed so a secret whose public half was altered is refused.
    SigningKey key;
    crypto_sign_seed_keypair(key.publicKey.bytes.data(), key.secret.data(), raw->data());
    const bool same = sodium_memcmp(key.secret.data(), raw->data(), key.secret.size()) == 0;
    sodium_memzero(raw->data(), raw->size());
    if (!same) return invalidInput("signing key", "secret key halves do not match");
    return key;
}

}  // namespace homedesk::protocol
