// The front door's limits against slow, large and many requests: plain numbers, read from the
// [server] table of hq.toml (hq_config.cpp) and enforced by the HTTPS server (http_session.cpp).
// docs/operations.md, "The front door", says what each one stops.
#pragma once

#include <cstddef>

namespace homedesk::hq {

struct ServerLimits {
    std::size_t header_bytes = 8 * 1024;  // request line and headers together (431 beyond)
    int head_timeout_s = 10;              // TLS handshake plus the whole request head
    int body_timeout_s = 20;              // the whole body, however slowly it comes (408)
    int idle_timeout_s = 30;              // a kept connection with no request started
    int write_timeout_s = 20;             // a client reading the answer too slowly
    std::size_t enroll_body_bytes = 4 * 1024;        // POST /api/v1/enroll
    std::size_t batch_body_bytes = 1024 * 1024;      // POST /api/v1/submissions
    std::size_t api_body_bytes = 64 * 1024;          // the API's other requests
    std::size_t console_body_bytes = 64 * 1024;      // /console/...
    std::size_t body_budget_bytes = 64 * 1024 * 1024;  // bodies being received at once (503)
    int connections_per_address = 256;
    int connections_total = 20000;
    int polls_per_terminal = 2;  // parked long-polls; a further one answers the oldest at once
};

}  // namespace homedesk::hq
