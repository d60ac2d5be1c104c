// What the HTTPS server decides from a request's head alone, before it reads a body: which API
// gets it, how large its body may be, and its path and query decoded. No sockets here.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "sync/hq/http_limits.hpp"

namespace homedesk::hq {

bool consolePath(std::string_view path);
std::size_t bodyLimit(const ServerLimits& limits, std::string_view path);

struct Target {
    std::string path;  // percent-decoded
    std::map<std::string, std::string> query;  // '+' and %xx decoded; the first of a repeated key
};
Target splitTarget(std::string_view target);

}  // namespace homedesk::hq
