#include "sync/hq/http_tls.hpp"

#include <openssl/ssl.h>

namespace homedesk::hq {

Result<std::unique_ptr<boost::asio::ssl::context>> serverTls(const std::string& certFile,
                                                             const std::string& keyFile) {
    namespace ssl = boost::asio::ssl;
    auto tls = std::make_unique<ssl::context>(ssl::context::tls_server);
    boost::system::error_code ec;
    tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1 | ssl::context::no_compression,
                     ec);
    if (!ec) tls->use_certificate_chain_file(certFile, ec);
    if (!ec) tls->use_private_key_file(keyFile, ssl::context::pem, ec);
    if (ec)
        return invalidInput("hq server", "cannot load certificate " + certFile + " or key " +
                                             keyFile + ": " + ec.message());
    SSL_CTX* ctx = tls->native_handle();
    if (SSL_CTX_check_private_key(ctx) != 1)
        return invalidInput("hq server", "the key " + keyFile + " does not match " + certFile);
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1)
        return invalidInput("hq server", "OpenSSL refused the cipher list");
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    // A parked long-poll then holds no 16 KB read buffer of its own.
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    return tls;
}

}  // namespace homedesk::hq
