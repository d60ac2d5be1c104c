#include "sync/hq/http_server.hpp"

#include <httplib.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <cctype>

#include "sync/hq/console/console_api.hpp"

namespace homedesk::hq {

namespace {

bool consolePath(const std::string& path) {
    return path == "/console" || path.rfind("/console/", 0) == 0 || path.rfind("/t/", 0) == 0;
}

}  // namespace

struct HttpServer::Impl {
    HqApi& api;
    ServerOptions options;
    ConsoleApi* console;
    std::unique_ptr<httplib::SSLServer> server;

    void answerConsole(const httplib::Request& req, httplib::Response& res) {
        ConsoleRequest request;
        request.method = req.method;
        request.path = req.path;
        for (const auto& [key, value] : req.params) request.query.emplace(key, value);
        for (const auto& [key, value] : req.headers) {
            std::string name = key;
            for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            request.headers.emplace(std::move(name), value);
        }
        request.clientAddress = req.remote_addr;
        request.body = req.body;
        const ConsoleResponse response = console->handle(request);
        res.status = response.status;
        for (const auto& [name, value] : response.headers) res.set_header(name, value);
        if (!response.body.empty() || response.status != 204)
            res.set_content(response.body, response.contentType);
    }

    void answer(const httplib::Request& req, httplib::Response& res) {
        if (console && consolePath(req.path)) return answerConsole(req, res);
        ApiRequest request;
        request.method = req.method;
        request.path = req.path;
        for (const auto& [key, value] : req.params) request.query.emplace(key, value);
        request.authorization = req.get_header_value("Authorization");
        request.protocolVersion = req.get_header_value("X-HomeDesk-Protocol");
        request.clientAddress = req.remote_addr;
        request.body = req.body;
        const ApiResponse response = api.handle(request);
        res.status = response.status;
        res.set_content(response.body, "application/json");
    }
};

HttpServer::HttpServer(HqApi& api, ServerOptions options, ConsoleApi* console)
    : m_impl(std::make_unique<Impl>(Impl{api, std::move(options), console, nullptr})) {}

HttpServer::~HttpServer() { stop(); }

Result<int> HttpServer::bind() {
    Impl& m = *m_impl;
    m.server = std::make_unique<httplib::SSLServer>(m.options.cert_file.c_str(),
                                                    m.options.key_file.c_str());
    if (!m.server->is_valid())
        return invalidInput("hq server", "cannot load certificate " + m.options.cert_file +
                                             " or key " + m.options.key_file);
    SSL_CTX_set_min_proto_version(m.server->ssl_context(), TLS1_2_VERSION);

    httplib::SSLServer& s = *m.server;
    const int threads = std::max(2, m.options.threads);
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    s.set_payload_max_length(m.options.max_body_bytes);
    s.set_read_timeout(m.options.read_timeout_s, 0);
    s.set_write_timeout(m.options.write_timeout_s, 0);
    s.set_keep_alive_timeout(m.options.keep_alive_s);
    s.set_keep_alive_max_count(1000);
    s.set_tcp_nodelay(true);

    auto handler = [&m](const httplib::Request& req, httplib::Response& res) { m.answer(req, res); };
    s.Get(".*", handler);
    s.Post(".*", handler);
    s.Put(".*", handler);
    s.Delete(".*", handler);
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const ApiResponse r = errorForStatus(res.status);
        res.set_content(r.body, "application/json");
    });
    s.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                               std::exception_ptr) {
        spdlog::error("{} {}: exception escaped the API", req.method, req.path);
        const ApiResponse r = errorForStatus(500);
        res.status = 500;
        res.set_content(r.body, "application/json");
    });
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // Path and status only: bodies and query strings may hold residents' data.
        spdlog::debug("{} {} {}", req.method, req.path, res.status);
    });

    if (m.options.port == 0) {
        const int port = s.bind_to_any_port(m.options.host);
        if (port <= 0) return ioError("hq server", "cannot bind " + m.options.host);
        return port;
    }
    if (!s.bind_to_port(m.options.host, m.options.port))
        return ioError("hq server",
                       "cannot bind " + m.options.host + ":" + std::to_string(m.options.port));
    return m.options.port;
}

void HttpServer::run() {
    if (m_impl->server) m_impl->server->listen_after_bind();
}

bool HttpServer::running() const { return m_impl->server && m_impl->server->is_running(); }

void HttpServer::stop() {
    if (m_impl && m_impl->server) m_impl->server->stop();
}

}  // namespace homedesk::hq
