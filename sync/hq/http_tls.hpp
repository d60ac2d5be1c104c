// The head office's TLS settings: TLS 1.2 with ECDHE and AEAD suites only, or TLS 1.3; no
// compression, no renegotiation; buffers released while a connection is quiet (parked polls).
#pragma once

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

#include "base/result.hpp"

namespace homedesk::hq {

// The TLS 1.2 suites both sides allow (the terminal's curl door names the same list).
inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Result<std::unique_ptr<boost::asio::ssl::context>> serverTls(const std::string& certFile,
                                                             const std::string& keyFile);

}  // namespace homedesk::hq
