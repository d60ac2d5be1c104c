// The HTTPS front of the head office (Boost.Beast/Asio; the only files that include Boost are
// sync/hq/http_*.cpp). Connections are coroutines on one or two I/O threads; handlers that touch
// the store run on a small worker pool; a parked long-poll is a timer woken by the notice hub.
// Requests go to HqApi (and /console, /t/ to ConsoleApi) and answers come back, with the limits
// of http_limits.hpp and JSON errors for what the APIs never see (413, 415, 431, malformed HTTP).
#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "sync/hq/api.hpp"
#include "sync/hq/http_limits.hpp"

namespace homedesk::hq {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8443;  // 0: any free port (tests)
    std::string cert_file;  // PEM chain, leaf first
    std::string key_file;   // PEM private key
    int threads = 4;        // workers for handlers (the store); not tied to connections
    int io_threads = 2;     // TLS and HTTP for every connection
    ServerLimits limits;
};

class ConsoleApi;

class HttpServer {
public:
    // `console` may be null: /console and /t/ then answer 404 like any unknown path.
    HttpServer(HqApi& api, ServerOptions options, ConsoleApi* console = nullptr);
    ~HttpServer();

    // Loads the certificate and binds; returns the bound port.
    Result<int> bind();
    // Serves until stop(); call after bind(). Returns at once if stop() came first.
    void run();
    bool running() const;  // run() is accepting connections
    // Ends parked long-polls with their answer, stops accepting, and makes run() return.
    void stop();

    int openConnections() const;  // for tests and the benchmark
    std::size_t parkedPolls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homedesk::hq
