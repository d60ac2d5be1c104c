// What the sync engine needs from HTTPS, and nothing of curl: send a request, get a status and
// a body, or a ProtocolError saying why not (network, timeout, tls).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "sync/protocol/protocol_error.hpp"

namespace homedesk::sync {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // "/api/v1/notices?since=4&wait=25"
    std::string bearer;
    std::string body;
    // Whole-request limit; a long-poll passes its wait plus a margin.
    std::chrono::milliseconds timeout{30000};
    // Silence the server may keep by design before it answers (a long-poll's wait): added to the
    // transport's low-speed allowance, so a waiting long-poll is not taken for a stalled one.
    std::chrono::seconds quiet{0};
};

struct HttpResponse {
    int status = 0;
    std::string body;
};

struct HttpResult {
    std::optional<HttpResponse> response;  // any HTTP status, 2xx or not
    protocol::ProtocolError failure;       // when no response came
    bool ok() const { return response.has_value(); }
};

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    // Never throws. Not thread-safe: one transport per thread.
    virtual HttpResult send(const HttpRequest& request) = 0;
    // From any thread: ends a transfer in progress (a long-poll) and every later one, for
    // shutdown.
    virtual void abort() {}
};

}  // namespace homedesk::sync
