#include "sync/protocol/base64url.hpp"

#include <sodium.h>

namespace homedesk::protocol {

namespace {
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}

std::string base64urlEncode(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string base64urlEncode(std::string_view bytes) {
    return base64urlEncode(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::optional<std::vector<unsigned char>> base64urlDecode(std::string_view text) {
    std::vector<unsigned char> out(text.size() * 3 / 4 + 1);
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &written,
                          &end, kVariant) != 0)
        return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;
    out.resize(written);
    return out;
}

}  // namespace homedesk::protocol
