// The terminals' API as plain functions of a request: no sockets, no HTTP library. The HTTP
// layer (http_server.cpp) only moves bytes in and out of it, and unit tests call it directly.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

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
};

struct ApiResponse {
    int status = 200;
    std::string body;  // JSON
};

using Clock = std::function<std::int64_t()>;  // unix seconds

class HqApi {
public:
    // `hub` may be null: long-polls then answer at once.
    HqApi(HqStore& store, NoticeHub* hub, Clock clock);

    // Never throws; every failure is an ErrorBody with the right status.
    ApiResponse handle(const ApiRequest& request) const noexcept;

private:
    ApiResponse route(const ApiRequest& request) const;

    HqStore& m_store;
    NoticeHub* m_hub;
    Clock m_clock;
};

// The error answer for a status the HTTP layer produced itself (404, 413, 408...).
ApiResponse errorForStatus(int status);

}  // namespace homedesk::hq
