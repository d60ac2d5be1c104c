// The staff console over real HTTPS on loopback: sign in, the cookie's attributes, the static
// shell and an API call with the cookie, through the same HttpServer that serves terminals.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

#include "sync/hq/console/console_api.hpp"
#include "sync/hq/credentials.hpp"
#include "sync/hq/desk/ticket_desk.hpp"
#include "sync/hq/http_server.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "tests/integration/http_message.hpp"
#include "tests/integration/test_pki.hpp"
#include "tests/integration/tls_link.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;
using namespace homedesk::testing;

namespace {

std::int64_t unixNow() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

struct Answer {
    int status = 0;
    std::string head;
    std::string body;
    std::string header(const std::string& name) const {
        const std::string key = "\r\n" + name + ": ";
        auto at = head.find(key);
        if (at == std::string::npos) return {};
        at += key.size();
        return head.substr(at, head.find("\r\n", at) - at);
    }
};

Answer send(const TlsContext& ctx, int port, const std::string& method, const std::string& path,
            const std::string& extraHeaders = "", const std::string& body = "") {
    auto link = TlsLink::connect(ctx, port);
    REQUIRE(link);
    const std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                                std::to_string(port) + "\r\nConnection: close\r\n" + extraHeaders +
                                (body.empty() && method == "GET" ? std::string()
                                     : "Content-Type: application/json\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\n") +
                                "\r\n" + body;
    REQUIRE(link->writeAll(request));
    std::string buffer;
    auto message = readMessage(*link, buffer, true);
    REQUIRE(message);
    return {message->status, message->head, message->content()};
}

}  // namespace

TEST_CASE("Console over HTTPS: sign in, a strict cookie, the static shell and an API call") {
    TempDir dir;
    TestPki pki(dir.path().string());
    const PemPair cert = pki.server("hq", {"IP:127.0.0.1"});
    const std::string web = dir.file("web");
    std::filesystem::create_directories(web);
    std::ofstream(web + "/index.html") << "<!doctype html><title>HomeDesk 控制台</title>";
    std::ofstream(web + "/app.js") << "export const ok = 1;";

    auto opened = hq::SqliteHqStore::open(dir.file("hq.db"));
    REQUIRE(opened.ok());
    hq::SqliteHqStore& store = *opened.value();
    const std::string community = store.addCommunity("阳光花园").value();
    hq::NewStaff staff;
    staff.username = "alice";
    staff.role = hq::StaffRole::Admin;
    staff.allCommunities = true;
    staff.passwordHash = hq::hashPassword("correct horse battery");
    REQUIRE(store.addStaffMember(staff, {"test", "", unixNow()}).ok());

    hq::HqApi api(store, nullptr, unixNow);
    hq::TicketDesk desk(store, hq::SlaPolicy{});
    hq::ConsoleOptions options;
    options.staticDir = web;
    hq::ConsoleApi console(store, desk, options, unixNow);
    hq::ServerOptions serverOptions;
    serverOptions.port = 0;
    serverOptions.cert_file = cert.cert_file;
    serverOptions.key_file = cert.key_file;
    serverOptions.threads = 4;
    hq::HttpServer server(api, serverOptions, &console);
    auto port = server.bind();
    REQUIRE(port.ok());
    std::thread serving([&] { server.run(); });
    struct Stop {
        hq::HttpServer& s;
        std::thread& t;
        ~Stop() {
            while (!s.running()) std::this_thread::yield();
            s.stop();
            t.join();
        }
    } stop{server, serving};
    auto ctx = TlsContext::client(pki.caFile());

    auto shell = send(*ctx, port.value(), "GET", "/console/");
    CHECK(shell.status == 200);
    CHECK(shell.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(shell.header("Content-Security-Policy") ==
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    CHECK(shell.body.find("HomeDesk 控制台") != std::string::npos);
    auto script = send(*ctx, port.value(), "GET", "/console/app.js");
    CHECK(script.status == 200);
    CHECK(script.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(send(*ctx, port.value(), "GET", "/console/../hq.db").status == 404);
    CHECK(send(*ctx, port.value(), "GET", "/console/missing.js").status == 404);

    CHECK(send(*ctx, port.value(), "GET", "/console/api/communities").status == 401);
    auto signIn = send(*ctx, port.value(), "POST", "/console/api/session", "",
                       R"({"username":"alice","password":"correct horse battery"})");
    REQUIRE(signIn.status == 200);
    const std::string setCookie = signIn.header("Set-Cookie");
    CHECK(setCookie.find("HttpOnly") != std::string::npos);
    CHECK(setCookie.find("Secure") != std::string::npos);
    CHECK(setCookie.find("SameSite=Strict") != std::string::npos);
    CHECK(signIn.header("Cache-Control") == "no-store");
    const std::string cookie = setCookie.substr(0, setCookie.find(';'));
    const std::string csrf = nlohmann::json::parse(signIn.body)["csrf"];

    auto communities = send(*ctx, port.value(), "GET", "/console/api/communities",
                            "Cookie: " + cookie + "\r\n");
    REQUIRE(communities.status == 200);
    CHECK(nlohmann::json::parse(communities.body)["items"][0]["id"] == community);

    // PUT and DELETE reach the console too.
    auto out = send(*ctx, port.value(), "DELETE", "/console/api/session",
                    "Cookie: " + cookie + "\r\nX-CSRF-Token: " + csrf + "\r\n");
    CHECK(out.status == 204);
    CHECK(send(*ctx, port.value(), "GET", "/console/api/communities", "Cookie: " + cookie + "\r\n")
              .status == 401);
    // A terminal credential path is still the terminals' API.
    CHECK(send(*ctx, port.value(), "GET", "/api/v1/config").status == 401);
}
