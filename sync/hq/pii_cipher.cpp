#include "sync/hq/pii_cipher.hpp"

#include <sodium.h>

#include <vector>

#include "base/private_file.hpp"
#include "sync/protocol/base64url.hpp"

namespace homedesk::hq {
namespace {
constexpr const char* kPrefix = "s1.";
static_assert(crypto_secretbox_KEYBYTES == 32);
}  // namespace

Result<PiiCipher> PiiCipher::openOrCreate(const std::string& keyPath) {
    if (sodium_init() < 0) return ioError("pii key", "libsodium failed to start");
    std::array<unsigned char, 32> fresh{};
    randombytes_buf(fresh.data(), fresh.size());
    auto text = readOrCreateSecret(keyPath, protocol::base64urlEncode(fresh.data(), fresh.size()));
    sodium_memzero(fresh.data(), fresh.size());
    if (!text) return text.error();
    auto bytes = protocol::base64urlDecode(text.value());
    if (!bytes || bytes->size() != 32)
        return ioError("pii key", keyPath + " does not hold a 32-byte key; refusing to start");
    PiiCipher cipher;
    std::copy(bytes->begin(), bytes->end(), cipher.m_key.begin());
    sodium_memzero(bytes->data(), bytes->size());
    return cipher;
}

std::string PiiCipher::seal(const std::string& plain) const {
    std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                   plain.size());
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                          out.data(), m_key.data());
    return kPrefix + protocol::base64urlEncode(out.data(), out.size());
}

Result<std::string> PiiCipher::open(const std::string& sealed) const {
    constexpr std::size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    auto bytes = isSealed(sealed) ? protocol::base64urlDecode(sealed.substr(3)) : std::nullopt;
    if (!bytes || bytes->size() < overhead)
        return Error{Error::Kind::InvalidInput, "pii", "not a sealed value", false};
    std::string plain(bytes->size() - overhead, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   bytes->data() + crypto_secretbox_NONCEBYTES,
                                   bytes->size() - crypto_secretbox_NONCEBYTES, bytes->data(),
                                   m_key.data()) != 0)
        return Error{Error::Kind::InvalidInput, "pii", "sealed under another key or altered",
                     false};
    return plain;
}

bool PiiCipher::isSealed(const std::string& text) { return text.rfind(kPrefix, 0) == 0; }

}  // namespace homedesk::hq
