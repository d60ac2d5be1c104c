// One client connection of the HTTPS server, as a coroutine: TLS handshake, then requests one
// after another, each with the deadlines and size limits of ServerLimits; handlers run on the
// worker pool and long-polls park in ParkedPolls. Internal to http_*.cpp.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstddef>
#include <string>

#include "sync/hq/http_limits.hpp"

namespace homedesk::hq {

class HqApi;
class ConsoleApi;
class ParkedPolls;
class ConnectionCounter;

struct SessionContext {
    HqApi& api;
    ConsoleApi* console;  // null: /console answers 404
    const ServerLimits& limits;
    boost::asio::ssl::context& tls;
    boost::asio::thread_pool& workers;
    ParkedPolls* polls;  // null without a notice hub: long-polls wait in the API as before
    ConnectionCounter& connections;
    std::atomic<std::size_t> bodyBytes{0};  // bodies being received, against body_budget_bytes
    std::atomic<bool> stopping{false};
};

// Serves `socket` (already counted for `address` in ctx.connections; uncounted at the end).
boost::asio::awaitable<void> serveConnection(SessionContext& ctx,
                                             boost::asio::ip::tcp::socket socket,
                                             std::string address);

}  // namespace homedesk::hq
