// Secrets the head office hands out or keeps: terminal credentials (random, stored hashed),
// one-time enrollment codes, staff password hashes (libsodium pwhash, Argon2id).
#pragma once

#include <string>
#include <string_view>

namespace homedesk::hq {

std::string newCredential();  // 256 random bits, base64url
std::string credentialHash(std::string_view credential);  // hex SHA-256
std::string newEnrollCode();  // 10 characters without look-alikes (no 0/O, 1/I/L)
std::string newTerminalId();
// Empty string when hashing failed (out of memory).
std::string hashPassword(std::string_view password);
bool verifyPassword(std::string_view password, const std::string& hash);

}  // namespace homedesk::hq
