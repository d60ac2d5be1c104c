#include "sync/hq/http_session.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <limits>

#include "sync/hq/http_connections.hpp"
#include "sync/hq/http_dispatch.hpp"

namespace homedesk::hq {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Stream = beast::ssl_stream<beast::tcp_stream>;
using std::chrono::seconds;

// Bodies at least this large hand their memory back to the system once answered, at most
// once a second: a burst of 1 MiB batches must not leave the heap at its peak.
constexpr std::size_t kTrimAfterBytes = 256 * 1024;
std::atomic<std::int64_t> g_lastTrim{0};
constexpr std::size_t kDrainBytes = 4 * 1024 * 1024;

void trimAfterLargeBody(std::size_t bytes) {
    if (bytes < kTrimAfterBytes) return;
    const auto now = std::chrono::duration_cast<seconds>(
                         std::chrono::steady_clock::now().time_since_epoch())
                         .count();
    auto last = g_lastTrim.load();
    if (now != last && g_lastTrim.compare_exchange_strong(last, now)) malloc_trim(0);
}

// Bytes of bodies being received, held against ServerLimits::body_budget_bytes.
class BodyReservation {
public:
    explicit BodyReservation(std::atomic<std::size_t>& used) : m_used(used) {}
    ~BodyReservation() { m_used -= m_bytes; }
    bool reserve(std::size_t bytes, std::size_t budget) {
        auto now = m_used.load();
        do {
            if (now + bytes > budget) return false;
        } while (!m_used.compare_exchange_weak(now, now + bytes));
        m_bytes = bytes;
        return true;
    }

private:
    std::atomic<std::size_t>& m_used;
    std::size_t m_bytes = 0;
};

struct Uncount {
    ConnectionCounter& counter;
    std::string address;
    ~Uncount() { counter.remove(address); }
};

template <typename View>
std::string_view sv(View v) {
    return {v.data(), v.size()};
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

http::response<http::string_body> toResponse(Answer a, unsigned version, bool keepAlive) {
    http::response<http::string_body> res{static_cast<http::status>(a.status), version};
    res.set(http::field::content_type, a.contentType);
    for (auto& [name, value] : a.headers) res.insert(name, value);
    res.body() = std::move(a.body);
    res.keep_alive(keepAlive);
    res.prepare_payload();
    return res;
}

// The answer for a request the server refused from its head: the connection closes after it,
// since the rest of what the client sends is not read.
asio::awaitable<void> refuse(Stream& stream, const ServerLimits& limits, int status) {
    auto res = toResponse(errorAnswer(status), 11, false);
    stream.next_layer().expires_after(seconds(limits.write_timeout_s));
    boost::system::error_code ec;
    auto await = asio::redirect_error(asio::use_awaitable, ec);
    co_await http::async_write(stream, res, await);
    if (ec) co_return;
    // A lingering close: stop sending, then discard what the client still sends (bounded in
    // bytes and time), so that its TCP stack does not drop the answer for a reset.
    stream.next_layer().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    stream.next_layer().expires_after(seconds(2));
    std::array<char, 16 * 1024> scratch;
    for (std::size_t drained = 0; drained < kDrainBytes;) {
        drained += co_await stream.next_layer().async_read_some(asio::buffer(scratch), await);
        if (ec) break;
    }
}

bool refusedEncoding(const http::request_parser<http::string_body>& parser) {
    const auto& head = parser.get();
    auto it = head.find(http::field::content_encoding);
    return it != head.end() && lower(sv(it->value())) != "identity";
}

// One request on the connection: false when the connection is to close.
asio::awaitable<bool> serveRequest(SessionContext& ctx, Stream& stream, beast::flat_buffer& buffer,
                                   const std::string& address) {
    const ServerLimits& limits = ctx.limits;
    boost::system::error_code ec;
    auto await = asio::redirect_error(asio::use_awaitable, ec);
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.header_bytes,
                                                                          UINT32_MAX)));
    // The body's limit depends on the path, so it is applied once the head is in (Beast's
    // default of 1 MiB would otherwise refuse a larger declared length as malformed).
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    co_await http::async_read_header(stream, buffer, parser, await);
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
        co_await refuse(stream, limits, 431);
        co_return false;
    }
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
        co_await refuse(stream, limits, 400);  // malformed HTTP
        co_return false;
    }
    if (ec) co_return false;  // closed, timed out, TLS failed

    const std::string path = splitTarget(sv(parser.get().target())).path;
    if (refusedEncoding(parser)) {
        co_await refuse(stream, limits, 415);
        co_return false;
    }
    const std::size_t limit = bodyLimit(limits, path);
    const auto length = parser.content_length();
    if (length && *length > limit) {
        co_await refuse(stream, limits, 413);
        co_return false;
    }
    BodyReservation reservation(ctx.bodyBytes);
    const std::size_t expected = length ? static_cast<std::size_t>(*length)
                                        : (parser.chunked() ? limit : 0);
    if (expected > 0 && !reservation.reserve(expected, limits.body_budget_bytes)) {
        co_await refuse(stream, limits, 503);
        co_return false;
    }
    parser.body_limit(limit);
    if (!parser.is_done()) {
        const auto expect = parser.get().find(http::field::expect);
        if (expect != parser.get().end() && lower(sv(expect->value())) == "100-continue") {
            http::response<http::empty_body> go{http::status::continue_, parser.get().version()};
            stream.next_layer().expires_after(seconds(limits.write_timeout_s));
            co_await http::async_write(stream, go, await);
            if (ec) co_return false;
        }
        stream.next_layer().expires_after(seconds(limits.body_timeout_s));
        co_await http::async_read(stream, buffer, parser, await);
        if (ec == http::error::body_limit) {
            co_await refuse(stream, limits, 413);
            co_return false;
        }
        if (ec) co_return false;
    }

    auto request = parser.release();
    const bool keepAlive = request.keep_alive();
    const unsigned version = request.version();
    Incoming in;
    in.method = std::string(request.method_string());
    in.target = splitTarget(sv(request.target()));
    for (const auto& field : request)
        in.headers.emplace(lower(sv(field.name_string())), std::string(sv(field.value())));
    in.address = address;
    in.body = std::move(request.body());
    const std::size_t bodySize = in.body.size();
    const std::string method = in.method;
    auto op = dispatch(ctx, std::move(in));  // a named awaitable: see http_dispatch.cpp (GCC 12)
    Answer answer = co_await std::move(op);
    spdlog::debug("{} {} {}", method, path, answer.status);  // no query, no body: residents' data
    trimAfterLargeBody(bodySize);

    auto res = toResponse(std::move(answer), version, keepAlive && !ctx.stopping);
    stream.next_layer().expires_after(seconds(limits.write_timeout_s));
    co_await http::async_write(stream, res, await);
    co_return !ec && res.keep_alive();
}

}  // namespace

asio::awaitable<void> serveConnection(SessionContext& ctx, asio::ip::tcp::socket socket,
                                      std::string address) {
    Uncount uncount{ctx.connections, address};
    try {
        const ServerLimits& limits = ctx.limits;
        Stream stream(std::move(socket), ctx.tls);
        boost::system::error_code ec;
        auto await = asio::redirect_error(asio::use_awaitable, ec);
        // The handshake and the first request's head share one deadline.
        stream.next_layer().expires_after(seconds(limits.head_timeout_s));
        co_await stream.async_handshake(asio::ssl::stream_base::server, await);
        if (ec) co_return;
        beast::flat_buffer buffer(limits.header_bytes + 1024);
        for (bool first = true;; first = false) {
            if (!first) {
                // Idle until the next request begins; from its first byte, the head deadline.
                if (buffer.size() == 0) {
                    buffer.shrink_to_fit();
                    stream.next_layer().expires_after(seconds(limits.idle_timeout_s));
                    const std::size_t n = co_await stream.async_read_some(
                        buffer.prepare(std::min<std::size_t>(4096, buffer.max_size())), await);
                    if (ec) break;
                    buffer.commit(n);
                }
                stream.next_layer().expires_after(seconds(limits.head_timeout_s));
            }
            auto op = serveRequest(ctx, stream, buffer, address);
            const bool more = co_await std::move(op);
            if (!more) break;
            if (ctx.stopping) break;
        }
        stream.next_layer().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    } catch (const std::exception& e) {
        spdlog::error("connection from {}: {}", address, e.what());
    } catch (...) {
        spdlog::error("connection from {}: unknown exception", address);
    }
}

}  // namespace homedesk::hq
