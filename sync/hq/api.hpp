// The terminals' API as plain functions of a request: no sockets, no HTTP library. The HTTP
// layer (http_server.cpp) only moves bytes in and out of it, and unit tests call it directly.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "sync/hq/address_throttle.hpp"

namespace homedesk::hq {

class HqStore;
class NoticeHub;

struct ApiRequest {
    std::string method;  // "GET", "POST"
    std::string path;    // "/api/v1/notices"
    std::map<std::string, std::string> query;
    std::string authorization;     // the Authorization header, as sent
    std::string protocolVersion;   // X-HomeDesk-Protocol, empty when absent
    std::string body;
    std::string clientAddress;  // "203.0.113.7", for per-address limits and the log
    // Set by an event-driven server that parks long-polls itself: GET /notices then answers an
    // empty page at once with ApiResponse::park instead of waiting on the hub in this thread.
    bool parkLongPoll = false;
    bool resumedLongPoll = false;  // asked again after a wake: the cursor is already recorded
};

// A long-poll to park until the hub's generation moves from `generation` or `deadline` passes;
// the response's body is the answer at the deadline.
struct LongPollPark {
    std::string terminalId;
    std::int64_t generation = 0;
    std::chrono::steady_clock::time_point deadline;
};

struct ApiResponse {
    int status = 200;
    std::string body;  // JSON
    std::optional<LongPollPark> park;
};

using Clock = std::function<std::int64_t()>;  // unix seconds

class HqApi {
public:
    // `hub` may be null: long-polls then answer at once.
    HqApi(HqStore& store, NoticeHub* hub, Clock clock);

    // Never throws; every failure is an ErrorBody with the right status.
    ApiResponse handle(const ApiRequest& request) const noexcept;
    NoticeHub* hub() const { return m_hub; }  // where a server parks long-polls

private:
    ApiResponse route(const ApiRequest& request) const;

    HqStore& m_store;
    NoticeHub* m_hub;
    Clock m_clock;
    // Wrong enrollment codes per client address: 10 in 10 minutes, then 429 until the oldest
    // leaves the window (an installer's typos pass; guessing a code does not).
    mutable AddressThrottle m_enrollFailures{10, 600};
};

// The error answer for a status the HTTP layer produced itself (404, 413, 408...).
ApiResponse errorForStatus(int status);

}  // namespace homedesk::hq
