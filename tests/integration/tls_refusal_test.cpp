#include <catch2/catch.hpp>

#include "tests/integration/hq_server_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using protocol::ErrorCode;

namespace {

// A head office serving `cert`, and one plain request to it from a client that trusts the
// test CA (plus `pin` when given).
sync::HttpResult requestTo(HqFixture& hq, const PemPair& cert, const std::string& pin = "") {
    HqServer server(hq.dir, hq.pki, cert);
    sync::CurlOptions options;
    options.base_url = server.url();
    options.tls = {hq.pki.caFile(), pin};
    auto transport = sync::CurlTransport::create(options);
    REQUIRE(transport.ok());
    return transport.value()->send({"GET", "/api/v1/config", "", ""});
}

void requireRefusedTls(const sync::HttpResult& r) {
    INFO(r.failure.message);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure.code == ErrorCode::Tls);
    CHECK(r.failure.fatal());
}

}  // namespace

TEST_CASE("a certificate from the pinned CA for the right host is accepted", "[integration][tls]") {
    HqFixture hq;
    auto r = requestTo(hq, hq.cert);
    REQUIRE(r.ok());
    CHECK(r.response->status == 401);  // reached the API: no credential sent
}

TEST_CASE("a certificate for another host name is refused", "[integration][tls]") {
    HqFixture hq;
    requireRefusedTls(requestTo(hq, hq.pki.server("wronghost", {"DNS:hq.example.org"})));
}

TEST_CASE("an expired certificate is refused", "[integration][tls]") {
    HqFixture hq;
    requireRefusedTls(requestTo(hq, hq.pki.server("expired", {"IP:127.0.0.1"}, -30, -1)));
}

TEST_CASE("a self-signed certificate that is not pinned is refused", "[integration][tls]") {
    HqFixture hq;
    requireRefusedTls(requestTo(hq, hq.pki.selfSigned("selfsigned")));
}

TEST_CASE("a valid certificate with another key than the pinned one is refused",
          "[integration][tls]") {
    HqFixture hq;
    const PemPair other = hq.pki.server("other", {"IP:127.0.0.1"});
    requireRefusedTls(requestTo(hq, hq.cert, other.public_key_pin));
    auto pinned = requestTo(hq, hq.cert, hq.cert.public_key_pin);
    REQUIRE(pinned.ok());
}

TEST_CASE("the transport refuses plain http and a missing CA before any connection",
          "[integration][tls]") {
    sync::CurlOptions options;
    options.base_url = "http://127.0.0.1:1";
    options.tls.ca_file = "/nonexistent";
    CHECK_FALSE(sync::CurlTransport::create(options).ok());
    options.base_url = "https://127.0.0.1:1";
    options.tls.ca_file.clear();
    CHECK_FALSE(sync::CurlTransport::create(options).ok());
}

TEST_CASE("a head office that is down is a retryable network error", "[integration][tls]") {
    TempDir dir;
    TestPki pki(dir.path().string());
    int port = 0;
    {
        auto cert = pki.server("gone", {"IP:127.0.0.1"});
        HqServer server(dir, pki, cert);
        port = server.port();
    }
    sync::CurlOptions options;
    options.base_url = "https://127.0.0.1:" + std::to_string(port);
    options.tls.ca_file = pki.caFile();
    auto transport = sync::CurlTransport::create(options).value();
    auto r = transport->send({"GET", "/api/v1/config", "", ""});
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure.code == ErrorCode::Network);
    CHECK(r.failure.retryable());
}
