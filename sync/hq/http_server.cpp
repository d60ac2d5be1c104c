#include "sync/hq/http_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <optional>
#include <thread>
#include <vector>

#include "sync/hq/http_connections.hpp"
#include "sync/hq/http_polls.hpp"
#include "sync/hq/http_session.hpp"
#include "sync/hq/http_tls.hpp"

namespace homedesk::hq {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
    Impl(HqApi& a, ServerOptions o, ConsoleApi* c)
        : api(a),
          options(std::move(o)),
          console(c),
          workers(static_cast<std::size_t>(std::max(1, options.threads))),
          connections(options.limits.connections_per_address, options.limits.connections_total) {
        if (api.hub()) polls.emplace(*api.hub(), options.limits.polls_per_terminal);
    }

    HqApi& api;
    ServerOptions options;
    ConsoleApi* console;
    asio::thread_pool workers;
    ConnectionCounter connections;
    std::optional<ParkedPolls> polls;
    std::unique_ptr<asio::ssl::context> tls;
    std::unique_ptr<SessionContext> context;
    // Declared last, destroyed first: the connections' coroutines it holds use all of the above.
    asio::io_context io;
    std::optional<tcp::acceptor> acceptor;
    std::atomic<bool> running{false};
    std::atomic<bool> stopRequested{false};

    asio::awaitable<void> listen() {
        for (;;) {
            boost::system::error_code ec;
            tcp::socket socket = co_await acceptor->async_accept(
                asio::make_strand(io), asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                if (!acceptor->is_open() || ec == asio::error::operation_aborted) co_return;
                // Out of descriptors and the like: pause rather than spin on the error.
                spdlog::warn("accept: {}", ec.message());
                asio::steady_timer pause(io, std::chrono::milliseconds(50));
                co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
                continue;
            }
            const auto peer = socket.remote_endpoint(ec);
            if (ec) continue;
            std::string address = peer.address().to_string();
            // Refused before any TLS work: over the per-address or total cap, just closed.
            if (!connections.tryAdd(address)) {
                spdlog::debug("connection from {} refused: over the connection caps", address);
                socket.close(ec);
                continue;
            }
            socket.set_option(tcp::no_delay(true), ec);
            auto executor = socket.get_executor();
            asio::co_spawn(executor,
                           serveConnection(*context, std::move(socket), std::move(address)),
                           asio::detached);
        }
    }

    // On the I/O thread: stop accepting, answer parked polls, then give the connections that are
    // answering a moment before the loop stops.
    void beginStop() {
        boost::system::error_code ec;
        if (acceptor) acceptor->close(ec);
        context->stopping = true;
        if (polls) polls->stopAll();
        auto grace = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(100));
        grace->async_wait([this, grace](boost::system::error_code) { io.stop(); });
    }
};

HttpServer::HttpServer(HqApi& api, ServerOptions options, ConsoleApi* console)
    : m_impl(std::make_unique<Impl>(api, std::move(options), console)) {
    // As cpp-httplib did: a peer that goes away must cost an error, not the process (Asio sends
    // with MSG_NOSIGNAL, but other sockets of the process, e.g. a test's proxy, may not).
    std::signal(SIGPIPE, SIG_IGN);
}

HttpServer::~HttpServer() {
    stop();
    // Handlers still queued on the workers finish before the connections they answer go.
    m_impl->workers.join();
}

Result<int> HttpServer::bind() {
    Impl& m = *m_impl;
    auto tls = serverTls(m.options.cert_file, m.options.key_file);
    if (!tls) return tls.error();
    m.tls = std::move(tls.value());
    m.context.reset(new SessionContext{m.api, m.console, m.options.limits, *m.tls, m.workers,
                                       m.polls ? &*m.polls : nullptr, m.connections});
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(m.options.host, ec);
    if (ec) return invalidInput("hq server", "not an address: " + m.options.host);
    tcp::endpoint endpoint(address, static_cast<unsigned short>(m.options.port));
    tcp::acceptor acceptor(m.io);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return ioError("hq server", "cannot bind " + m.options.host + ":" +
                                        std::to_string(m.options.port) + ": " + ec.message());
    const int port = acceptor.local_endpoint().port();
    m.acceptor.emplace(std::move(acceptor));
    return port;
}

void HttpServer::run() {
    Impl& m = *m_impl;
    if (!m.acceptor || m.stopRequested) return;
    asio::co_spawn(m.io, m.listen(), asio::detached);
    std::vector<std::thread> more;
    for (int i = 1; i < std::max(1, m.options.io_threads); ++i)
        more.emplace_back([&m] {
            try {
                m.io.run();
            } catch (const std::exception& e) {
                spdlog::error("hq server I/O thread: {}", e.what());
            }
        });
    m.running = true;
    try {
        m.io.run();
    } catch (const std::exception& e) {
        spdlog::error("hq server I/O thread: {}", e.what());
        m.io.stop();
    }
    for (auto& t : more) t.join();
    m.running = false;
}

bool HttpServer::running() const { return m_impl->running; }

void HttpServer::stop() {
    if (!m_impl || m_impl->stopRequested.exchange(true)) return;
    if (!m_impl->context) return;
    asio::post(m_impl->io, [m = m_impl.get()] { m->beginStop(); });
}

int HttpServer::openConnections() const { return m_impl->connections.total(); }

std::size_t HttpServer::parkedPolls() const { return m_impl->polls ? m_impl->polls->size() : 0; }

}  // namespace homedesk::hq
