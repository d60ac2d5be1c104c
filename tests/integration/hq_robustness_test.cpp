#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>

#include "tests/integration/hq_server_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using protocol::ErrorCode;

namespace {

sync::HttpResponse post(sync::HttpTransport& transport, const std::string& path,
                        const std::string& bearer, std::string body) {
    sync::HttpRequest r{"POST", "/api/v1" + path, bearer, std::move(body)};
    auto result = transport.send(r);
    INFO(result.failure.message);
    REQUIRE(result.ok());
    return *result.response;
}

// Raw bytes to the TLS port, no handshake: what a broken or hostile client sends.
void sendJunk(int port, const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    (void)!::write(fd, bytes.data(), bytes.size());
    ::close(fd);
}

}  // namespace

TEST_CASE("an oversized request gets 413 and the server keeps serving", "[integration][limits]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto r = post(*t.transport, "/submissions", t.enrolled.credential,
                  std::string(2 * 1024 * 1024, 'x'));
    CHECK(r.status == 413);
    auto body = protocol::decode<protocol::ErrorBody>(r.body);
    REQUIRE(body.ok());
    CHECK(body->error.code == ErrorCode::PayloadTooLarge);
    CHECK(t.client->config().ok());
}

TEST_CASE("malformed requests get 400 with the field named and the server keeps serving",
          "[integration][limits]") {
    HqFixture hq;
    auto t = hq.enroll();
    const std::pair<std::string, const char*> cases[] = {
        {"{not json", "not valid JSON"},
        {"{\"items\":[{\"client_id\":\"\xff\xfe\"}]}", "not valid JSON"},
        {std::string(5000, '[') + std::string(5000, ']'), "nested deeper"},
        {R"({"items":[{"client_id":"k-0001-aaaa","kind":"repair","created_at":1,"payload":[]}]})",
         "payload: expected an object"},
    };
    for (const auto& [bodyText, mentions] : cases) {
        auto r = post(*t.transport, "/submissions", t.enrolled.credential, bodyText);
        INFO(r.body);
        CHECK(r.status == (std::string(mentions).find("payload") != std::string::npos ? 200 : 400));
        CHECK(r.body.find(mentions) != std::string::npos);
    }
    auto text = post(*t.transport, "/submissions", t.enrolled.credential,
                     R"({"items":[{"client_id":"k-0002-aaaa","kind":"repair","created_at":1,)"
                     R"("payload":{"description":"'; DROP TABLE tickets; -- 😀 )" +
                         std::string(10000, 'a') + R"("}}]})");
    CHECK(text.status == 200);
    CHECK(t.client->ticketStatus("").value->changes.size() == 1);  // stored as text, table intact
    CHECK(t.client->config().ok());
}

TEST_CASE("junk on the TLS port does not stop the server", "[integration][limits]") {
    HqFixture hq;
    sendJunk(hq.server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    sendJunk(hq.server.port(), std::string(10000, '\x16'));
    sendJunk(hq.server.port(), "");
    auto t = hq.enroll();
    CHECK(t.client->config().ok());
}

TEST_CASE("long-polls in progress do not hold up other requests", "[integration][limits]") {
    HqFixture hq;
    // Four terminals: one terminal's polls beyond polls_per_terminal are answered at once.
    std::vector<HqFixture::Terminal> waiters;
    for (int i = 0; i < 4; ++i) waiters.push_back(hq.enroll());
    auto other = hq.enroll();
    std::vector<std::future<sync::ApiResult<protocol::NoticeFeed>>> polls;
    std::vector<std::unique_ptr<sync::CurlTransport>> transports;
    std::vector<std::unique_ptr<sync::HqClient>> clients;
    for (int i = 0; i < 4; ++i) {
        transports.push_back(hq.transport());
        clients.push_back(std::make_unique<sync::HqClient>(*transports.back()));
        clients.back()->setCredential(waiters[static_cast<std::size_t>(i)].enrolled.credential);
        auto* client = clients.back().get();
        polls.push_back(
            std::async(std::launch::async, [client] { return client->notices("", 2); }));
    }
    // All four are parked in the office's long-poll (the hub counts them), not merely sent.
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    REQUIRE(hq.server.hub().waitForWaiters(4, limit));
    const auto before = std::chrono::steady_clock::now();
    CHECK(other.client->config().ok());
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(1));
    for (auto& p : polls) CHECK(p.get().ok());
}
