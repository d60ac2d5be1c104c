// The HTTPS front of the head office: the only file that includes cpp-httplib. It moves requests
// into HqApi (and /console, /t/ into ConsoleApi) and answers out, with the size limit, timeouts
// and JSON errors for what the APIs never see (413, unknown methods, malformed HTTP).
#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "sync/hq/api.hpp"

namespace homedesk::hq {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8443;  // 0: any free port (tests)
    std::string cert_file;  // PEM chain, leaf first
    std::string key_file;   // PEM private key
    int threads = 64;       // one per open connection; long-polls hold theirs
    int read_timeout_s = 10;
    int write_timeout_s = 10;
    // Idle time between requests on a kept connection. A long-poll is not idle, so this need not
    // cover the wait; it does bound how long a stop waits for idle connections to close. Short,
    // because cpp-httplib keeps a pool thread polling each idle connection every ~10 ms: with
    // 1,000 terminals 5 s cost 34 % of a core, 1 s 16 % (BENCHMARKS.md, S3). Terminals send their
    // requests back to back, so 1 s loses them no connection they would reuse.
    int keep_alive_s = 1;
    std::size_t max_body_bytes = 1024 * 1024;
};

class ConsoleApi;

class HttpServer {
public:
    // `console` may be null: /console and /t/ then answer 404 like any unknown path.
    HttpServer(HqApi& api, ServerOptions options, ConsoleApi* console = nullptr);
    ~HttpServer();

    // Loads the certificate and binds; returns the bound port.
    Result<int> bind();
    // Serves until stop(); call after bind().
    void run();
    // True once run() is accepting connections. stop() before that point is lost, so callers
    // that may stop early wait for this first.
    bool running() const;
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homedesk::hq
