// Blocking TLS over a TCP socket with OpenSSL, for the test-side fault proxy: a server context
// (a certificate the test CA signed) and a client context that verifies the head office
// against the test CA and its IP, like the terminal does. Not for production code.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace homedesk::testing {

class TlsContext {
public:
  static std::shared_ptr<TlsContext> server(const std::string& certFile,
                                            const std::string& keyFile);
  // Verifies the peer's chain against `caFile` and its certificate against IP 127.0.0.1.
  static std::shared_ptr<TlsContext> client(const std::string& caFile);
  ~TlsContext();
  SSL_CTX* get() const { return m_ctx; }

private:
    explicit TlsContext(SSL_CTX* ctx) : m_ctx(ctx) {}
    SSL_CTX* m_ctx;
};

// One TLS connection. Reads and writes block; the socket has a receive timeout so that no
// thread hangs forever. Throws std::runtime_error when the handshake fails.
class TlsLink {
public:
    // Takes the socket on success; on failure the caller still owns it.
    static std::unique_ptr<TlsLink> accept(const TlsContext& ctx, int fd);
    // `from`: the local address to connect from ("127.0.0.2": another client on loopback).
    static std::unique_ptr<TlsLink> connect(const TlsContext& ctx, int port,
                                            const std::string& from = "");
    ~TlsLink();  // closes quietly (no close_notify) if neither close nor reset ran

    int fd() const { return m_fd; }
    // Appends what arrived; false on end of stream, error or timeout.
    bool readSome(std::string& into);
    bool writeAll(std::string_view bytes);
    // True when the peer sent something or closed within `limit`.
    bool waitReadable(std::chrono::milliseconds limit) const;
    void close();  // close_notify, then FIN: a clean end of stream
    void reset();  // SO_LINGER 0: the peer sees a TCP reset, nothing more
    void setReceiveTimeout(std::chrono::milliseconds limit);

private:
    TlsLink(int fd, SSL* ssl) : m_fd(fd), m_ssl(ssl) {}
    void release();
    int m_fd;
    SSL* m_ssl;
};

}  // namespace homedesk::testing
