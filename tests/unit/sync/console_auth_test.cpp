// The console's sign-in, sessions, CSRF, lockout and throttle, called directly (ConsoleApi) on a
// real SQLite file with a controlled clock.
#include "tests/unit/sync/console_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using hq::StaffRole;

TEST_CASE("Console: no API call works without a session") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Admin, {"*"});
    for (const char* path : {"/console/api/session", "/console/api/notices", "/console/api/fleet",
                             "/console/api/audit", "/console/api/communities",
                             "/console/api/staff", "/console/api/notices/n1",
                             "/console/api/tickets"}) {
        INFO(path);
        auto r = f.request("GET", path);
        CHECK(r.status == 401);
        CHECK(f.errorCode(r) == "unauthorized");
    }
    Browser stranger{"hd_session=made-up-value", "made-up-token"};
    auto r = f.request("POST", "/console/api/notices", &stranger, "{}");
    CHECK(r.status == 401);
    r = f.request("POST", "/console/api/fleet/enroll-codes", &stranger, "{}");
    CHECK(r.status == 401);
}

TEST_CASE("Console: sign-in gives a strict cookie, the user and a CSRF token") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    auto r = f.signInRaw("alice", kPassword);
    REQUIRE(r.status == 200);
    const std::string set = f.headerOf(r, "Set-Cookie");
    CHECK(set.rfind("hd_session=", 0) == 0);
    CHECK(set.find("; HttpOnly") != std::string::npos);
    CHECK(set.find("; Secure") != std::string::npos);
    CHECK(set.find("; SameSite=Strict") != std::string::npos);
    CHECK(set.find("; Path=/") != std::string::npos);
    // 256 bits as base64url: 43 characters.
    CHECK(f.cookieOf(r).size() == std::string("hd_session=").size() + 43);
    auto body = f.json(r);
    CHECK(body["user"]["username"] == "alice");
    CHECK(body["user"]["role"] == "desk");
    CHECK(body["user"]["communities"] == nlohmann::json::array({f.community}));
    CHECK(body["csrf"].get<std::string>().size() >= 43);
    CHECK(f.headerOf(r, "Cache-Control") == "no-store");
    CHECK(f.headerOf(r, "Content-Security-Policy") ==
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    CHECK(f.headerOf(r, "X-Content-Type-Options") == "nosniff");
    CHECK(f.headerOf(r, "Referrer-Policy") == "no-referrer");

    Browser b{f.cookieOf(r), body["csrf"].get<std::string>()};
    auto again = f.request("GET", "/console/api/session", &b);
    REQUIRE(again.status == 200);
    CHECK(f.json(again)["csrf"] == body["csrf"]);
    CHECK(f.json(again)["user"]["username"] == "alice");
    CHECK(f.audit("session.login").size() == 1);
}

TEST_CASE("Console: a wrong password and an unknown name get the same 401, each one audited") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    auto wrong = f.signInRaw("alice", "not the password");
    auto unknown = f.signInRaw("mallory", "not the password");
    CHECK(wrong.status == 401);
    CHECK(unknown.status == 401);
    CHECK(wrong.body == unknown.body);
    CHECK(f.headerOf(wrong, "Set-Cookie").empty());
    auto rows = f.audit("session.login_failed");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].entry.target == "staff:mallory");
    CHECK(rows[1].entry.target == "staff:alice");
    CHECK(rows[1].entry.address == "192.0.2.10");
    for (const auto& row : rows) {
        CHECK(row.entry.before.find("not the password") == std::string::npos);
        CHECK(row.entry.after.find("not the password") == std::string::npos);
    }
}

TEST_CASE("Console: changes without the CSRF token, with a wrong one or from a foreign Origin are refused") {
    ConsoleFixture f;
    f.addStaff("ed", StaffRole::NoticeEditor, {"*"});
    Browser b = f.signIn("ed");
    const std::string notice =
        nlohmann::json{{"title", "停水"}, {"targets", {{{"kind", "all"}}}}}.dump();

    Browser noToken{b.cookie, ""};
    auto r = f.request("POST", "/console/api/notices", &noToken, notice);
    CHECK(r.status == 403);
    CHECK(f.errorCode(r) == "csrf_failed");

    Browser wrongToken{b.cookie, b.csrf.substr(0, b.csrf.size() - 1) + (b.csrf.back() == 'A' ? "B" : "A")};
    r = f.request("POST", "/console/api/notices", &wrongToken, notice);
    CHECK(r.status == 403);
    CHECK(f.errorCode(r) == "csrf_failed");

    r = f.request("POST", "/console/api/notices", &b, notice, {{"origin", "https://evil.example"}});
    CHECK(r.status == 403);
    CHECK(f.errorCode(r) == "csrf_failed");

    r = f.request("DELETE", "/console/api/session", &noToken);
    CHECK(r.status == 403);

    // A foreign page cannot even post a sign-in.
    r = f.request("POST", "/console/api/session", nullptr,
                  nlohmann::json{{"username", "ed"}, {"password", kPassword}}.dump(),
                  {{"origin", "https://evil.example"}});
    CHECK(r.status == 403);

    auto consoleNotices = f.store->consoleNotices();
    REQUIRE(consoleNotices.ok());
    CHECK(consoleNotices->empty());

    r = f.request("POST", "/console/api/notices", &b, notice, {{"origin", "https://hq.test:8443"}});
    CHECK(r.status == 201);
}

TEST_CASE("Console: a sign-in ends the session its cookie carried (no fixation)") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    f.addStaff("bob", StaffRole::Desk, {f.community});
    // An attacker's own session, planted in the victim's browser.
    Browser planted = f.signIn("bob");
    auto r = f.signInRaw("alice", kPassword, &planted);
    REQUIRE(r.status == 200);
    const std::string fresh = f.cookieOf(r);
    CHECK(fresh != planted.cookie);
    CHECK(f.request("GET", "/console/api/session", &planted).status == 401);
    Browser alice{fresh, ""};
    auto me = f.request("GET", "/console/api/session", &alice);
    REQUIRE(me.status == 200);
    CHECK(f.json(me)["user"]["username"] == "alice");
    // A made-up cookie value is never adopted either.
    Browser madeUp{"hd_session=chosen-by-the-attacker", ""};
    auto r2 = f.signInRaw("alice", kPassword, &madeUp);
    REQUIRE(r2.status == 200);
    CHECK(f.cookieOf(r2) != madeUp.cookie);
    CHECK(f.request("GET", "/console/api/session", &madeUp).status == 401);
}

TEST_CASE("Console: a session ends after 30 idle minutes and after 12 hours however busy") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    SECTION("idle") {
        Browser b = f.signIn("alice");
        f.now += 29 * 60;
        CHECK(f.request("GET", "/console/api/session", &b).status == 200);
        f.now += 29 * 60;  // 58 minutes after sign-in, 29 after the last request
        CHECK(f.request("GET", "/console/api/session", &b).status == 200);
        f.now += 30 * 60;
        CHECK(f.request("GET", "/console/api/session", &b).status == 401);
        f.now -= 30 * 60;  // the session is gone, not merely refused at that time
        CHECK(f.request("GET", "/console/api/session", &b).status == 401);
    }
    SECTION("absolute") {
        Browser b = f.signIn("alice");
        const std::int64_t start = f.now;
        while (f.now + 20 * 60 < start + 12 * 3600) {
            f.now += 20 * 60;
            REQUIRE(f.request("GET", "/console/api/session", &b).status == 200);
        }
        f.now = start + 12 * 3600;
        CHECK(f.request("GET", "/console/api/session", &b).status == 401);
    }
}

TEST_CASE("Console: 5 wrong passwords in 15 minutes lock the account for 15 minutes") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    for (int i = 0; i < 4; ++i) {
        f.now += 60;
        CHECK(f.signInRaw("alice", "wrong password").status == 401);
    }
    f.now += 60;
    auto locked = f.signInRaw("alice", "wrong password");
    REQUIRE(locked.status == 423);
    CHECK(f.errorCode(locked) == "locked");
    CHECK(f.json(locked)["retry_after_s"] == 15 * 60);
    // Even the right password is refused while locked.
    f.now += 14 * 60;
    auto stillLocked = f.signInRaw("alice", kPassword);
    CHECK(stillLocked.status == 423);
    CHECK(f.json(stillLocked)["retry_after_s"] == 60);
    f.now += 60;
    CHECK(f.signInRaw("alice", kPassword).status == 200);
    CHECK(f.audit("session.login_failed").size() == 5);
}

TEST_CASE("Console: failures spread over more than 15 minutes do not lock") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    for (int i = 0; i < 8; ++i) {
        f.now += 4 * 60;
        CHECK(f.signInRaw("alice", "wrong password").status == 401);
    }
    CHECK(f.signInRaw("alice", kPassword).status == 200);
}

TEST_CASE("Console: sign-ins from one address are throttled") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    for (int i = 0; i < 20; ++i) {
        Browser b;
        b.address = "198.51.100.7";
        CHECK(f.signInRaw("nobody" + std::to_string(i), "x", &b).status == 401);
    }
    Browser same;
    same.address = "198.51.100.7";
    auto r = f.signInRaw("alice", kPassword, &same);
    CHECK(r.status == 429);
    CHECK(f.errorCode(r) == "rate_limited");
    CHECK(f.signIn("alice", "198.51.100.8").cookie.size() > 11);  // another address is served
    f.now += 60;
    CHECK(f.signInRaw("alice", kPassword, &same).status == 200);
}

TEST_CASE("Console: signing out and disabling an account end the session") {
    ConsoleFixture f;
    f.addStaff("alice", StaffRole::Desk, {f.community});
    Browser b = f.signIn("alice");
    auto out = f.request("DELETE", "/console/api/session", &b);
    CHECK(out.status == 204);
    CHECK(f.headerOf(out, "Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(f.request("GET", "/console/api/session", &b).status == 401);
    CHECK(f.audit("session.logout").size() == 1);

    Browser again = f.signIn("alice");
    auto disabled = f.store->disableStaff("alice", {"cli", "", f.now});
    REQUIRE(disabled.ok());
    CHECK(disabled.value());
    CHECK(f.request("GET", "/console/api/session", &again).status == 401);
    CHECK(f.signInRaw("alice", kPassword).status == 401);
    CHECK(f.audit("staff.disable").size() == 1);
}
