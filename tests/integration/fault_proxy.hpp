// A fault proxy on 127.0.0.1 between the terminal's CurlTransport and the head office, for the
// reliability tests. It terminates TLS with a certificate the test CA signed (the terminal
// still verifies a real chain against its pinned CA) and opens its own verified TLS connection
// to the office, so it sees request boundaries: it can let the office commit a batch and then
// lose the answer, cut an answer short, stall it or answer 5xx itself, and it records every
// submission item that passed (client id and content hash) so a test can check that retries
// carry the same idempotency key. Faults apply to POST /submissions; other requests pass.
#pragma once

#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/fault_schedule.hpp"
#include "tests/integration/tls_link.hpp"

namespace homedesk::testing {

struct ProxyOptions {
    int upstream_port = 0;
    std::string cert_file, key_file;  // the proxy's own certificate, for 127.0.0.1
    std::string ca_file;              // verifies the office
    std::chrono::milliseconds stall_limit{30000};  // a stall ends here if the client waits on
    std::uint64_t seed = 1;                        // delays
};

struct SeenItem {
    std::string client_id;
    std::string content_hash;
};

struct ProxyCounters {
    int connections = 0;
    int requests = 0;
    int submission_requests = 0;
    int undecodable_submissions = 0;
    int upstream_failures = 0;  // the office's side failed (not an injected fault)
};

class FaultProxy {
public:
    FaultProxy(ProxyOptions options, FaultSchedule& schedule);
    ~FaultProxy();

    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    void stop();
    std::vector<SeenItem> submissionsSeen() const;
    ProxyCounters counters() const;

private:
    void acceptLoop();
    void serve(int fd);
    void record(const std::string& body);
    void track(int fd, bool add);
    std::chrono::milliseconds delay();

    ProxyOptions m_options;
    FaultSchedule& m_schedule;
    std::shared_ptr<TlsContext> m_serverTls, m_clientTls;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::set<int> m_open;
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::list<Worker> m_workers;
    std::vector<SeenItem> m_seen;
    ProxyCounters m_counters;
    std::mt19937_64 m_random;
    std::thread m_acceptor;
};

}  // namespace homedesk::testing
