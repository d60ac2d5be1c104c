#include "tests/integration/tls_link.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace homedesk::testing {
namespace {

std::string sslError(const char* what) {
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return std::string("tls: ") + what + ": " + text;
}

void setTimeout(int fd, std::chrono::milliseconds limit) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(limit.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((limit.count() % 1000) * 1000);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

}  // namespace

std::shared_ptr<TlsContext> TlsContext::server(const std::string& certFile,
                                               const std::string& keyFile) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) throw std::runtime_error(sslError("server context"));
    std::shared_ptr<TlsContext> owner(new TlsContext(ctx));
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate_chain_file(ctx, certFile.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, keyFile.c_str(), SSL_FILETYPE_PEM) != 1)
        throw std::runtime_error(sslError("proxy certificate"));
    return owner;
}

std::shared_ptr<TlsContext> TlsContext::client(const std::string& caFile) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) throw std::runtime_error(sslError("client context"));
    std::shared_ptr<TlsContext> owner(new TlsContext(ctx));
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_load_verify_locations(ctx, caFile.c_str(), nullptr) != 1)
        throw std::runtime_error(sslError("CA file"));
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    X509_VERIFY_PARAM_set1_ip_asc(SSL_CTX_get0_param(ctx), "127.0.0.1");
    return owner;
}

TlsContext::~TlsContext() { SSL_CTX_free(m_ctx); }

std::unique_ptr<TlsLink> TlsLink::accept(const TlsContext& ctx, int fd) {
    setTimeout(fd, std::chrono::seconds(30));
    SSL* ssl = SSL_new(ctx.get());
    std::unique_ptr<TlsLink> link(new TlsLink(fd, ssl));
    if (!ssl || SSL_set_fd(ssl, fd) != 1 || SSL_accept(ssl) != 1) {
        link->m_fd = -1;  // the caller still owns the socket
        throw std::runtime_error(sslError("accept"));
    }
    return link;
}

std::unique_ptr<TlsLink> TlsLink::connect(const TlsContext& ctx, int port,
                                          const std::string& from) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("tls: socket");
    if (!from.empty()) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        if (::inet_pton(AF_INET, from.c_str(), &local.sin_addr) != 1 ||
            ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            ::close(fd);
            throw std::runtime_error("tls: cannot connect from " + from);
        }
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("tls: connect to the head office refused");
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setTimeout(fd, std::chrono::seconds(30));
    SSL* ssl = SSL_new(ctx.get());
    std::unique_ptr<TlsLink> link(new TlsLink(fd, ssl));
    if (!ssl || SSL_set_fd(ssl, fd) != 1 || SSL_connect(ssl) != 1)
        throw std::runtime_error(sslError("connect"));
    return link;
}

TlsLink::~TlsLink() { release(); }

void TlsLink::release() {
    if (m_ssl) SSL_free(m_ssl);
    m_ssl = nullptr;
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

bool TlsLink::readSome(std::string& into) {
    if (!m_ssl) return false;
    char buffer[16384];
    const int n = SSL_read(m_ssl, buffer, sizeof buffer);
    if (n <= 0) {
        ERR_clear_error();
        return false;
    }
    into.append(buffer, static_cast<std::size_t>(n));
    return true;
}

bool TlsLink::writeAll(std::string_view bytes) {
    if (!m_ssl) return false;
    while (!bytes.empty()) {
        const int n = SSL_write(m_ssl, bytes.data(), static_cast<int>(bytes.size()));
        if (n <= 0) {
            ERR_clear_error();
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool TlsLink::waitReadable(std::chrono::milliseconds limit) const {
    if (m_ssl && SSL_pending(m_ssl) > 0) return true;
    pollfd p{m_fd, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(limit.count())) > 0;
}

void TlsLink::setReceiveTimeout(std::chrono::milliseconds limit) {
    if (m_fd >= 0) setTimeout(m_fd, limit);
}

void TlsLink::close() {
    if (m_ssl) {
        SSL_shutdown(m_ssl);
        ERR_clear_error();
    }
    if (m_fd >= 0) ::shutdown(m_fd, SHUT_RDWR);
    release();
}

void TlsLink::reset() {
    if (m_fd >= 0) {
        linger hard{1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    release();
}

}  // namespace homedesk::testing
