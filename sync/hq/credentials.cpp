#include "sync/hq/credentials.hpp"

#include <sodium.h>

#include <array>

#include "sync/protocol/base64url.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::hq {

std::string newCredential() {
    protocol::cryptoReady();
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    return protocol::base64urlEncode(raw.data(), raw.size());
}

std::string credentialHash(std::string_view credential) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(credential.data()),
                       credential.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string newEnrollCode() {
    protocol::cryptoReady();
    static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    std::string code;
    for (int i = 0; i < 10; ++i) code += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    return code;
}

std::string newTerminalId() {
    protocol::cryptoReady();
    std::array<unsigned char, 5> raw{};
    randombytes_buf(raw.data(), raw.size());
    char hex[raw.size() * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, raw.data(), raw.size());
    return std::string("t") + hex;
}

std::string hashPassword(std::string_view password) {
    protocol::cryptoReady();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verifyPassword(std::string_view password, const std::string& hash) {
    protocol::cryptoReady();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace homedesk::hq
