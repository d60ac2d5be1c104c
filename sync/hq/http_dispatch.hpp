// From a received request to its answer: the worker pool runs HqApi or ConsoleApi, and a
// long-poll the API hands back parked waits (a timer, no thread) until the hub wakes it, its
// terminal parks too many, the server stops or its deadline passes. Internal to http_*.cpp.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sync/hq/http_routes.hpp"

namespace homedesk::hq {

struct SessionContext;

struct Incoming {
    std::string method;
    Target target;
    std::map<std::string, std::string> headers;  // names in lower case; the first of repeats
    std::string address;
    std::string body;
};

struct Answer {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

Answer errorAnswer(int status);  // the API's JSON error for a status the server decided
boost::asio::awaitable<Answer> dispatch(SessionContext& ctx, Incoming request);

}  // namespace homedesk::hq
