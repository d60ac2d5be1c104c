// Unpadded base64url (RFC 4648 §5), the alphabet QR tokens and credentials use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace homedesk::protocol {

std::string base64urlEncode(const unsigned char* data, std::size_t size);
std::string base64urlEncode(std::string_view bytes);
// Strict: refuses padding, whitespace, other alphabets and trailing bits.
std::optional<std::vector<unsigned char>> base64urlDecode(std::string_view text);

}  // namespace homedesk::protocol
