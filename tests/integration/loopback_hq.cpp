#include "tests/integration/loopback_hq.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "sync/client/hq_client.hpp"

namespace homedesk::testing {
std::int64_t wallSeconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

LoopbackHq::LoopbackHq(int threads) {
    const PemPair cert = m_pki.server("hq", {"IP:127.0.0.1", "DNS:localhost"});
    m_store = must(hq::SqliteHqStore::open(dbFile()), "hq store");
    m_community = must(m_store->addCommunity("阳光花园"), "community");
    m_hub = std::make_unique<hq::NoticeHub>(*m_store, std::chrono::milliseconds(50));
    m_api = std::make_unique<hq::HqApi>(*m_store, m_hub.get(), wallSeconds);
    hq::ServerOptions options;
    options.port = 0;
    options.cert_file = cert.cert_file;
    options.key_file = cert.key_file;
    options.threads = threads;
    m_server = std::make_unique<hq::HttpServer>(*m_api, options);
    m_port = must(m_server->bind(), "hq bind");
    m_thread = std::thread([this] { m_server->run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!m_server->running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!m_server->running()) {
        // A stop() before the listener runs would be lost, and a joinable thread must not be
        // left behind by a throwing constructor: there is no sane way on.
        std::fprintf(stderr, "loopback hq: the server did not start\n");
        std::abort();
    }
}

LoopbackHq::~LoopbackHq() {
    m_hub->shutdown();
    while (m_thread.joinable() && !m_server->running())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
}

std::unique_ptr<sync::CurlTransport> LoopbackHq::transport(const std::string& baseUrl,
                                                           std::chrono::seconds lowSpeedTime) {
    sync::CurlOptions options;
    options.base_url = baseUrl;
    options.tls.ca_file = m_pki.caFile();
    options.connect_timeout = std::chrono::milliseconds(10000);
    options.low_speed_time = lowSpeedTime;
    return must(sync::CurlTransport::create(options), "transport");
}

protocol::EnrollResponse LoopbackHq::enroll(const std::string& name) {
    auto code =
        must(m_store->createEnrollCode(m_community, std::nullopt, wallSeconds() + 600), "code");
    auto t = transport(url());
    sync::HqClient client(*t);
    auto enrolled = client.enroll({code.code, name, "0.1.0"});
    if (!enrolled.ok()) throw std::runtime_error("enroll: " + enrolled.error.message);
    return *enrolled.value;
}

}  // namespace homedesk::testing
