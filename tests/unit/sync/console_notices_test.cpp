// Notices and the fleet in the console: delivery counts from the terminals' feed cursors and
// display reports, revisions and retraction, enrollment codes with a verifiable QR token, and an
// audit row for every change.
#include "sync/protocol/qr_token.hpp"
#include "sync/protocol/signing_key.hpp"
#include "tests/unit/sync/console_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using hq::StaffRole;
using nlohmann::json;

namespace {

protocol::NoticeFeed feed(ConsoleFixture& f, const std::string& credential, const std::string& since) {
    auto r = f.call("GET", "/notices", credential, "", {{"since", since}});
    REQUIRE(r.status == 200);
    return decoded<protocol::NoticeFeed>(r);
}

json noticeBody(const std::string& title, json targets) {
    return {{"title", title}, {"body", "明天9点到12点停水"}, {"title_en", "Water off"},
            {"category", "outage"}, {"targets", std::move(targets)}};
}

}  // namespace

TEST_CASE("Console: a notice's counts - terminals targeted, delivered (feed cursor passed it), displayed") {
    ConsoleFixture f;
    f.addStaff("ed", StaffRole::NoticeEditor, {f.community});
    const auto t1 = f.enroll();
    const auto t2 = f.enroll(f.building);
    const auto t3 = f.enroll();
    Browser ed = f.signIn("ed");
    auto created = f.request("POST", "/console/api/notices", &ed,
                             noticeBody("停水", {{{"kind", "community"}, {"ref", f.community}}}).dump());
    REQUIRE(created.status == 201);
    const std::string id = f.json(created)["id"];

    auto counts = [&] {
        auto list = f.request("GET", "/console/api/notices", &ed);
        REQUIRE(list.status == 200);
        const json body = f.json(list);
        for (const auto& item : body["items"])
            if (item["id"] == id) return std::array<int, 3>{item["terminals"], item["delivered"], item["displayed"]};
        FAIL("notice not listed: " + list.body);
        return std::array<int, 3>{};
    };
    CHECK(counts() == std::array<int, 3>{3, 0, 0});

    // Fetching the page is not yet delivery: the next request's cursor says it was stored.
    const auto page1 = feed(f, t1.credential, "0");
    REQUIRE(page1.changes.size() == 1);
    CHECK(counts() == std::array<int, 3>{3, 0, 0});
    feed(f, t1.credential, page1.cursor);
    const auto page2 = feed(f, t2.credential, "0");
    feed(f, t2.credential, page2.cursor);
    CHECK(counts() == std::array<int, 3>{3, 2, 0});

    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.sent_at = f.now;
    hb.displayed.push_back({id, 1, f.now - 30, 25});
    REQUIRE(f.call("POST", "/heartbeat", t1.credential, protocol::encode(hb)).status == 200);
    CHECK(counts() == std::array<int, 3>{3, 2, 1});

    auto detail = f.request("GET", "/console/api/notices/" + id, &ed);
    REQUIRE(detail.status == 200);
    const json d = f.json(detail);
    CHECK(d["body"] == "明天9点到12点停水");
    REQUIRE(d["delivery"].size() == 3);
    for (const auto& t : d["delivery"]) {
        if (t["terminal_id"] == t1.terminal_id) {
            CHECK(t["delivered_at"] == f.now);
            REQUIRE(t["displays"].size() == 1);
            CHECK(t["displays"][0]["shown_for_s"] == 25);
        } else if (t["terminal_id"] == t3.terminal_id) {
            CHECK(t["delivered_at"].is_null());
            CHECK(t["displays"].empty());
        }
    }

    // A revision is a new change: nobody has it until their cursor passes it again.
    f.now += 60;
    auto revised = f.request("PUT", "/console/api/notices/" + id, &ed,
                             noticeBody("停水（改期）", {{{"kind", "community"}, {"ref", f.community}}}).dump());
    REQUIRE(revised.status == 200);
    CHECK(f.json(revised)["revision"] == 2);
    CHECK(f.json(revised)["title"] == "停水（改期）");
    CHECK(counts() == std::array<int, 3>{3, 0, 1});
    const auto page3 = feed(f, t1.credential, page1.cursor);
    REQUIRE(page3.changes.size() == 1);
    CHECK(page3.changes[0].revision == 2);
    CHECK(page3.changes[0].title == "停水（改期）");
    feed(f, t1.credential, page3.cursor);
    CHECK(counts() == std::array<int, 3>{3, 1, 1});
    // A cursor beyond every change is not believed.
    feed(f, t3.credential, "999999");
    CHECK(counts() == std::array<int, 3>{3, 2, 1});

    auto retracted = f.request("POST", "/console/api/notices/" + id + "/retract", &ed);
    REQUIRE(retracted.status == 200);
    CHECK(f.json(retracted)["state"] == "retracted");
    CHECK(f.request("POST", "/console/api/notices/" + id + "/retract", &ed).status == 409);
    CHECK(f.request("PUT", "/console/api/notices/" + id, &ed,
                    noticeBody("x", {{{"kind", "community"}, {"ref", f.community}}}).dump()).status == 409);
    auto live = f.request("GET", "/console/api/notices", &ed, "", {}, {{"state", "live"}});
    CHECK(f.json(live)["items"].empty());
    auto gone = f.request("GET", "/console/api/notices", &ed, "", {}, {{"state", "retracted"}});
    CHECK(f.json(gone)["items"].size() == 1);

    auto published = f.audit("notice.publish");
    REQUIRE(published.size() == 1);
    CHECK(published[0].entry.actor == "ed");
    CHECK(published[0].entry.target == "notice:" + id);
    CHECK(published[0].entry.address == ed.address);
    auto revisedRows = f.audit("notice.revise");
    REQUIRE(revisedRows.size() == 1);
    CHECK(json::parse(revisedRows[0].entry.before)["title"] == "停水");
    CHECK(json::parse(revisedRows[0].entry.after)["title"] == "停水（改期）");
    CHECK(!json::parse(revisedRows[0].entry.after).contains("body"));  // unchanged fields stay out
    CHECK(f.audit("notice.retract").size() == 1);
}

TEST_CASE("Console: a notice body is checked - titles one line without bidi controls, known categories, targets") {
    ConsoleFixture f;
    f.addStaff("ed", StaffRole::NoticeEditor, {"*"});
    Browser ed = f.signIn("ed");
    const json target = {{{"kind", "all"}}};
    for (const json& bad : {json{{"title", ""}, {"targets", target}},
                            json{{"title", "a\nb"}, {"targets", target}},
                            json{{"title", "abc\u202Eevil"}, {"targets", target}},
                            json{{"title", "t"}, {"category", "weather"}, {"targets", target}},
                            json{{"title", "t"}, {"targets", json::array()}},
                            json{{"title", "t"}, {"targets", {{{"kind", "planet"}, {"ref", "x"}}}}},
                            json{{"title", "t"}, {"body_en", "x"}, {"targets", target}},
                            json{{"title", "t"}, {"publish_at", 100}, {"expire_at", 50}, {"targets", target}}}) {
        INFO(bad.dump());
        auto r = f.request("POST", "/console/api/notices", &ed, bad.dump());
        CHECK(r.status == 400);
        CHECK(f.errorCode(r) == "bad_request");
    }
    CHECK(f.request("POST", "/console/api/notices", &ed, "not json").status == 400);
    // A target that does not exist is outside every scope.
    CHECK(f.request("POST", "/console/api/notices", &ed,
                    json{{"title", "t"}, {"targets", {{{"kind", "building"}, {"ref", "b999"}}}}}.dump()).status == 404);
    auto none = f.store->consoleNotices();
    REQUIRE(none.ok());
    CHECK(none->empty());
}

TEST_CASE("Console: the fleet - stale and backlogged flags, enrollment codes with a signed QR token, revocation, all audited") {
    ConsoleFixture f;
    f.addStaff("root", StaffRole::Admin, {f.community});
    const auto quiet = f.enroll();
    const auto busy = f.enroll();
    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.queue_depth = 25;
    hb.oldest_unsent_age_s = 30;
    hb.errors = {"printer offline"};
    REQUIRE(f.call("POST", "/heartbeat", busy.credential, protocol::encode(hb)).status == 200);
    Browser root = f.signIn("root");
    f.now += 5 * 60;
    auto list = f.request("GET", "/console/api/fleet", &root);
    REQUIRE(list.status == 200);
    const json fleet = f.json(list);
    for (const auto& t : fleet["items"]) {
        if (t["id"] == busy.terminal_id) {
            CHECK(t["stale"] == false);
            CHECK(t["backlogged"] == true);
            CHECK(t["queue_depth"] == 25);
            CHECK(t["errors"] == json::array({"printer offline"}));
            CHECK(t["app_version"] == "0.1.0");
        } else {
            CHECK(t["id"] == quiet.terminal_id);
            CHECK(t["stale"] == true);  // never seen
            CHECK(t["backlogged"] == false);
        }
    }

    auto code = f.request("POST", "/console/api/fleet/enroll-codes", &root,
                          json{{"community_id", f.community}, {"building_id", f.building}, {"hours", 2}}.dump());
    REQUIRE(code.status == 201);
    const json c = f.json(code);
    CHECK(c["expires_at"] == f.now + 7200);
    CHECK(c["qr_svg"].get<std::string>().rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    auto secret = f.store->signingSecret();
    REQUIRE(secret.ok());
    auto key = protocol::signingKeyFrom(secret.value());
    REQUIRE(key.ok());
    auto claims = protocol::verifyToken(c["token"].get<std::string>(), key->publicKey, f.now);
    REQUIRE(claims.ok());
    CHECK(claims->data["code"] == c["code"]);
    CHECK(claims->data["hq"] == "https://hq.test:8443");
    // The code works for a terminal.
    auto enrolled = f.call("POST", "/enroll", "",
                           protocol::encode(protocol::EnrollRequest{c["code"], "gate", "0.1"}));
    CHECK(enrolled.status == 201);
    // Another community's code is refused as unknown.
    CHECK(f.request("POST", "/console/api/fleet/enroll-codes", &root,
                    json{{"community_id", f.communityB}}.dump()).status == 404);
    CHECK(f.request("POST", "/console/api/fleet/enroll-codes", &root,
                    json{{"community_id", f.community}, {"hours", 0}}.dump()).status == 400);

    auto revoked = f.request("POST", "/console/api/fleet/" + busy.terminal_id + "/revoke", &root);
    REQUIRE(revoked.status == 200);
    CHECK(f.json(revoked)["revoked_at"] == f.now);
    CHECK(f.call("POST", "/heartbeat", busy.credential, protocol::encode(hb)).status == 401);
    CHECK(f.request("POST", "/console/api/fleet/" + busy.terminal_id + "/revoke", &root).status == 409);

    auto codes = f.audit("fleet.enroll_code");
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].entry.actor == "root");
    CHECK(codes[0].entry.after.find(c["code"].get<std::string>()) == std::string::npos);
    auto revokes = f.audit("fleet.revoke");
    REQUIRE(revokes.size() == 1);
    CHECK(revokes[0].entry.target == "terminal:" + busy.terminal_id);
}

TEST_CASE("Console: the audit log reads with filters and pages") {
    ConsoleFixture f;
    f.addStaff("root", StaffRole::Admin, {"*"});
    f.addStaff("ed", StaffRole::NoticeEditor, {"*"});
    Browser ed = f.signIn("ed");
    for (int i = 0; i < 3; ++i) {
        f.now += 10;
        REQUIRE(f.request("POST", "/console/api/notices", &ed,
                          noticeBody("第" + std::to_string(i), {{{"kind", "all"}}}).dump()).status == 201);
    }
    Browser root = f.signIn("root");
    auto page = f.request("GET", "/console/api/audit", &root, "", {},
                          {{"actor", "ed"}, {"action", "notice.publish"}, {"limit", "2"}});
    REQUIRE(page.status == 200);
    const json p = f.json(page);
    CHECK(p["total"] == 3);
    REQUIRE(p["items"].size() == 2);
    CHECK(p["items"][0]["after"]["title"] == "第2");  // newest first, before/after as JSON
    CHECK(p["items"][0]["address"] == ed.address);
    auto second = f.request("GET", "/console/api/audit", &root, "", {},
                            {{"actor", "ed"}, {"action", "notice.publish"}, {"limit", "2"}, {"page", "2"}});
    REQUIRE(f.json(second)["items"].size() == 1);
    CHECK(f.json(second)["items"][0]["after"]["title"] == "第0");
    auto range = f.request("GET", "/console/api/audit", &root, "", {},
                           {{"action", "notice.publish"}, {"from", std::to_string(f.now - 10)}});
    CHECK(f.json(range)["total"] == 2);
    CHECK(f.request("GET", "/console/api/audit", &root, "", {}, {{"page", "x"}}).status == 400);
}
