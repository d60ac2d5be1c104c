// The real head office in this process on 127.0.0.1 over real TLS, for runners that are not
// Catch tests (homedesk-r2): test PKI, SQLite store, notice hub, API and HTTPS server on its
// own thread, plus enrolled terminals. Setup failures throw std::runtime_error.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "base/result.hpp"
#include "sync/client/curl_transport.hpp"
#include "sync/hq/http_server.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "sync/protocol/enrollment.hpp"
#include "tests/integration/loopback_port.hpp"
#include "tests/integration/test_pki.hpp"
#include "tests/unit/sync/temp_dir.hpp"

namespace homedesk::testing {

std::int64_t wallSeconds();

// The value, or a std::runtime_error naming `what` and why: for runners' setup steps.
template <typename T>
T must(Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
    return std::move(r).value();
}

class LoopbackHq {
public:
    explicit LoopbackHq(int threads = 32);
    ~LoopbackHq();

    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    std::string dbFile() const { return m_dir.file("hq.db"); }
    const TempDir& dir() const { return m_dir; }
    TestPki& pki() { return m_pki; }
    hq::SqliteHqStore& store() { return *m_store; }
    const std::string& community() const { return m_community; }

    // A terminal enrolled over TLS straight to the office.
    protocol::EnrollResponse enroll(const std::string& name);
    // A transport to `baseUrl` verifying against the test CA.
    std::unique_ptr<sync::CurlTransport> transport(
        const std::string& baseUrl, std::chrono::seconds lowSpeedTime = std::chrono::seconds(20));

  private:
    TempDir m_dir;
    TestPki m_pki{m_dir.path().string()};
    std::unique_ptr<hq::SqliteHqStore> m_store;
    std::unique_ptr<hq::NoticeHub> m_hub;
    std::unique_ptr<hq::HqApi> m_api;
    std::unique_ptr<hq::HttpServer> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::string m_community;
};

}  // namespace homedesk::testing
