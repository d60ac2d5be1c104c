// The receipt's public phone page /t/<code>: escaped, nothing personal, 404 for a wrong code,
// 429 past the per-address limits.
#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "tests/unit/sync/console_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using nlohmann::json;

namespace {

// A repair filed with personal details and hostile text; its tracking code set as ingest would.
std::string fileTicket(ConsoleFixture& f, const std::string& trackingCode) {
    const auto t = f.enroll();
    auto terminal = f.store->terminalByCredential(hq::credentialHash(t.credential));
    REQUIRE(terminal.ok());
    REQUIRE(terminal.value());
    protocol::Submission s = repair("client-0001");
    s.payload = {{"category", "water"},
                 {"phone", "13812345678"},
                 {"location", {{"kind", "unit"}, {"unit", "3-1702"}}},
                 {"description", "厨房漏水 SECRET-DESCRIPTION"},
                 {"tracking_code", trackingCode}};
    auto stored = f.store->storeSubmission(*terminal.value(), s, f.now);
    REQUIRE(stored.ok());
    REQUIRE(stored->ticket_number);
    hq::Database db(f.dir.file("hq.db"));
    db.prepare(
          "UPDATE tickets SET tracking_code = ?, category = ?, resolve_due_at = ? WHERE number = ?")
        .bind(1, trackingCode)
        .bind(2, std::string("<img src=x onerror=alert(1)>"))
        .bind(3, f.now + 48 * 3600)
        .bind(4, *stored->ticket_number)
        .run();
    return *stored->ticket_number;
}

}  // namespace

TEST_CASE(
    "Receipt page: the timeline in Chinese then English, resident-typed text escaped, nothing "
    "personal") {
    ConsoleFixture f;
    const std::string number = fileTicket(f, "20261203");
    f.now += 600;
    REQUIRE(f.store
                ->setTicketStatus(number, protocol::TicketState::Accepted,
                                  "<script>alert('x')</script> 师傅明天上午到", f.now)
                .ok());
    auto r = f.request("GET", "/t/20261203");
    REQUIRE(r.status == 200);
    CHECK(r.contentType == "text/html; charset=utf-8");
    CHECK(f.headerOf(r, "Cache-Control") == "no-store");
    CHECK(f.headerOf(r, "Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    const std::string& page = r.body;
    CHECK(page.find(number) != std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 师傅明天上午到") !=
          std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("已受理") != std::string::npos);
    CHECK(page.find("已受理") < page.find("Accepted"));
    CHECK(page.find("按时") == std::string::npos);  // resolution not yet met
    CHECK(page.find("完成") != std::string::npos);
    for (const char* personal : {"13812345678", "3-1702", "SECRET-DESCRIPTION", "厨房漏水"}) {
        INFO(personal);
        CHECK(page.find(personal) == std::string::npos);
    }
}

TEST_CASE("Receipt page: a wrong code is a 404 page, too many look-ups a 429 page") {
    ConsoleFixture f;
    fileTicket(f, "11112222");
    SECTION("wrong codes") {
        for (const char* code : {"99999999", "1111222", "abcdefgh", "11112222/../x", ""}) {
            INFO(code);
            f.now += 61;  // stay under the per-minute limit
            auto r = f.request("GET", std::string("/t/") + code);
            CHECK(r.status == 404);
            CHECK(r.body.find("没有找到") != std::string::npos);
            CHECK(r.contentType == "text/html; charset=utf-8");
        }
    }
    SECTION("10 a minute") {
        for (int i = 0; i < 10; ++i) CHECK(f.request("GET", "/t/11112222").status == 200);
        auto r = f.request("GET", "/t/11112222");
        CHECK(r.status == 429);
        CHECK(r.body.find("请稍后再试") != std::string::npos);
        hq::ConsoleRequest other{"GET", "/t/11112222", {}, {}, "203.0.113.5", ""};
        CHECK(f.console->handle(other).status == 200);  // limits are per address
        f.now += 60;
        CHECK(f.request("GET", "/t/11112222").status == 200);
    }
    SECTION("30 wrong codes an hour") {
        for (int i = 0; i < 30; ++i) {
            if (i % 10 == 0) f.now += 60;
            CHECK(f.request("GET", "/t/" + std::to_string(30000000 + i)).status == 404);
        }
        f.now += 60;
        CHECK(f.request("GET", "/t/11112222").status == 429);  // even the right code, for a while
        f.now += 3600;
        CHECK(f.request("GET", "/t/11112222").status == 200);
    }
}

TEST_CASE("Receipt page: a known category is shown in the terminal's words") {
    ConsoleFixture f;
    const std::string number = fileTicket(f, "30303030");
    hq::Database db(f.dir.file("hq.db"));
    db.prepare("UPDATE tickets SET category = 'elevator' WHERE number = ?").bind(1, number).run();
    auto r = f.request("GET", "/t/30303030");
    REQUIRE(r.status == 200);
    CHECK(r.body.find("电梯 Lift") != std::string::npos);
    CHECK(r.body.find("elevator") == std::string::npos);
}
