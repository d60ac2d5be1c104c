// The real head office on 127.0.0.1 over real TLS, in this process: a SQLite file and a CA and
// server certificate made for the test in a temp dir, the HTTPS server on its own thread, and
// curl clients that verify against the test CA.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <thread>

#include "sync/client/curl_transport.hpp"
#include "sync/client/hq_client.hpp"
#include "sync/hq/http_server.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "tests/integration/test_pki.hpp"
#include "tests/unit/sync/temp_dir.hpp"

namespace homedesk::testing {

std::int64_t unixNow();

class HqServer {
public:
    HqServer(TempDir& dir, TestPki& pki, const PemPair& cert, const hq::ServerLimits& limits = {});
    ~HqServer();

    int port() const { return m_port; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    hq::SqliteHqStore& store() { return *m_store; }
    // Its long-polls: a test waits on hub().waitForWaiters(n) for "the poll is parked".
    hq::NoticeHub& hub() { return *m_hub; }
    hq::HttpServer& http() { return *m_server; }

private:
    std::unique_ptr<hq::SqliteHqStore> m_store;
    std::unique_ptr<hq::NoticeHub> m_hub;
    std::unique_ptr<hq::HqApi> m_api;
    std::unique_ptr<hq::HttpServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

// One server with a certificate for 127.0.0.1, a community with a building.
struct HqFixture {
    HqFixture() = default;
    explicit HqFixture(const hq::ServerLimits& l) : limits(l) {}
    hq::ServerLimits limits;  // the front door's (tests of the limits shrink them)
    TempDir dir;
    TestPki pki{dir.path().string()};
    PemPair cert = pki.server("hq", {"IP:127.0.0.1", "DNS:localhost"});
    HqServer server{dir, pki, cert, limits};
    std::string community = server.store().addCommunity("阳光花园").value();
    std::string building = server.store().addBuilding(community, "3号楼").value();

    std::unique_ptr<sync::CurlTransport> transport(sync::TlsPinning tls = {});
    // A terminal: its own transport and client, enrolled (in the building when asked).
    struct Terminal {
        std::unique_ptr<sync::CurlTransport> transport;
        std::unique_ptr<sync::HqClient> client;
        protocol::EnrollResponse enrolled;
    };
    Terminal enroll(std::optional<std::string> inBuilding = std::nullopt);
    std::string publish(const std::string& title, hq::NoticeTarget target);
};

protocol::Submission repairItem(const std::string& clientId,
                                const std::string& category = "elevator");

}  // namespace homedesk::testing
