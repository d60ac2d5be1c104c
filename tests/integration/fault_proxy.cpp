#include "tests/integration/fault_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "sync/protocol/codec.hpp"
#include "tests/integration/http_message.hpp"

namespace homedesk::testing {
namespace {

const char* kUnavailable =
    R"({"error":{"code":"unavailable","message":"injected by the fault proxy","retryable":true}})";
const char* kServerError =
    R"({"error":{"code":"server_error","message":"injected by the fault proxy","retryable":true}})";

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

FaultProxy::FaultProxy(ProxyOptions options, FaultSchedule& schedule)
    : m_options(std::move(options)), m_schedule(schedule), m_random(m_options.seed) {
    m_serverTls = TlsContext::server(m_options.cert_file, m_options.key_file);
    m_clientTls = TlsContext::client(m_options.ca_file);
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_listen, 256) != 0 ||
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        ::close(m_listen);
        throw std::runtime_error("fault proxy: cannot listen on 127.0.0.1");
    }
    m_port = ntohs(addr.sin_port);
    m_acceptor = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() { stop(); }

void FaultProxy::stop() {
    if (m_stopping.exchange(true)) return;
    ::shutdown(m_listen, SHUT_RDWR);
    if (m_acceptor.joinable()) m_acceptor.join();
    ::close(m_listen);
    std::list<Worker> workers;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_open) ::shutdown(fd, SHUT_RDWR);
        workers.swap(m_workers);
    }
    for (Worker& w : workers) w.thread.join();
}

void FaultProxy::acceptLoop() {
    while (!m_stopping) {
        const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (m_stopping) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            ::close(fd);
            return;
        }
        // Join the connections that ended, so threads do not pile up over a long run.
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if (*it->done) {
                it->thread.join();
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
        ++m_counters.connections;
        m_open.insert(fd);
        auto done = std::make_shared<std::atomic<bool>>(false);
        m_workers.push_back({std::thread([this, fd, done] {
                                 serve(fd);
                                 *done = true;
                             }),
                             done});
    }
}

void FaultProxy::track(int fd, bool add) {
    std::lock_guard lock(m_mutex);
    if (add) m_open.insert(fd);
    else m_open.erase(fd);
}

std::chrono::milliseconds FaultProxy::delay() {
    std::lock_guard lock(m_mutex);
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 300)(m_random));
}

void FaultProxy::record(const std::string& body) {
    auto batch = protocol::decode<protocol::SubmissionBatch>(body);
    std::lock_guard lock(m_mutex);
    ++m_counters.submission_requests;
    if (!batch) {
        ++m_counters.undecodable_submissions;
        return;
    }
    for (const auto& item : batch->items)
        m_seen.push_back({item.client_id, protocol::contentHash(item)});
}

std::vector<SeenItem> FaultProxy::submissionsSeen() const {
    std::lock_guard lock(m_mutex);
    return m_seen;
}

ProxyCounters FaultProxy::counters() const {
    std::lock_guard lock(m_mutex);
    return m_counters;
}

void FaultProxy::serve(int fd) {
    std::unique_ptr<TlsLink> client, upstream;
    int upstreamFd = -1;
    struct Untrack {  // runs before the links close their sockets
        FaultProxy& proxy;
        int fd;
        int& upstreamFd;
        ~Untrack() {
            proxy.track(fd, false);
            if (upstreamFd >= 0) proxy.track(upstreamFd, false);
        }
    } untrack{*this, fd, upstreamFd};
    auto upstreamFailed = [&] {
        std::lock_guard lock(m_mutex);
        ++m_counters.upstream_failures;
    };
    try {
        client = TlsLink::accept(*m_serverTls, fd);
    } catch (const std::exception&) {  // a client that gave up during the handshake
        track(fd, false);
        ::close(fd);
        return;
    }
    std::string fromClient, fromOffice;
    while (!m_stopping) {
        auto request = readMessage(*client, fromClient, false);
        if (!request) return;
        const bool submission =
            request->method == "POST" && endsWith(request->path, "/submissions");
        const Fault fault = submission ? m_schedule.next() : Fault::None;
        {
            std::lock_guard lock(m_mutex);
            ++m_counters.requests;
        }
        if (submission) record(request->content());
        if (fault == Fault::Reset) return client->reset();
        if (fault == Fault::Unavailable) {
            client->writeAll(jsonResponse(503, "Service Unavailable", kUnavailable));
            return client->close();
        }
        if (fault == Fault::Delay) std::this_thread::sleep_for(delay());

        // The office closes idle kept connections; start a fresh one rather than lose a request.
        if (upstream && upstream->waitReadable(std::chrono::milliseconds(0))) {
            track(upstreamFd, false);
            upstream.reset();
            upstreamFd = -1;
            fromOffice.clear();
        }
        if (!upstream) {
            try {
                upstream = TlsLink::connect(*m_clientTls, m_options.upstream_port);
            } catch (const std::exception&) {
                upstreamFailed();
                return client->reset();
            }
            upstreamFd = upstream->fd();
            track(upstreamFd, true);
            upstream->setReceiveTimeout(std::chrono::seconds(60));  // long-polls wait up to 30 s
        }
        std::optional<HttpMessage> answer;
        if (upstream->writeAll(request->wire())) answer = readMessage(*upstream, fromOffice, true);
        if (!answer) {
            upstreamFailed();
            return client->reset();
        }
        const std::string wire = answer->wire();
        const std::size_t half = answer->head.size() + answer->body.size() / 2;
        switch (fault) {
            case Fault::CommittedLost: return client->reset();
            case Fault::LostMidAnswer:
                client->writeAll(std::string_view(wire).substr(0, half));
                return client->reset();
            case Fault::Truncated:
                client->writeAll(std::string_view(wire).substr(0, half));
                return client->close();
            case Fault::ServerError:
                client->writeAll(jsonResponse(500, "Internal Server Error", kServerError));
                return client->close();
            case Fault::Stall: {
                client->writeAll(std::string_view(wire).substr(0, half));
                // Silence until the client gives up (it closes: readable) or the limit passes.
                const auto until = std::chrono::steady_clock::now() + m_options.stall_limit;
                while (!m_stopping && std::chrono::steady_clock::now() < until &&
                       !client->waitReadable(std::chrono::milliseconds(100))) {
                }
                return client->reset();
            }
            default:
                if (!client->writeAll(wire)) return;
        }
    }
}

}  // namespace homedesk::testing
