#include <catch2/catch.hpp>

#include <cstdio>
#include <future>

#include "sync/hq/credentials.hpp"

#include "tests/unit/sync/hq_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using protocol::ErrorCode;
using protocol::ItemStatus;
using protocol::SubmissionBatch;
using protocol::SubmissionBatchResult;

TEST_CASE("an enrollment code works once and gives a working credential", "[hq][enroll]") {
    HqFixture hq;
    const std::string code = hq.code();
    auto first = hq.call("POST", "/enroll", "", R"({"code":")" + code + R"("})");
    REQUIRE(first.status == 201);
    auto enrolled = decoded<protocol::EnrollResponse>(first);
    CHECK(enrolled.community_name == "阳光花园");
    CHECK(enrolled.signing_public_key.size() == 43);
    CHECK(hq.call("GET", "/config", enrolled.credential).status == 200);

    auto again = hq.call("POST", "/enroll", "", R"({"code":")" + code + R"("})");
    CHECK(again.status == 409);
    CHECK(errorCode(again) == ErrorCode::Conflict);
}

TEST_CASE("an unknown or expired enrollment code is refused", "[hq][enroll]") {
    HqFixture hq;
    auto unknown = hq.call("POST", "/enroll", "", R"({"code":"NOSUCHCODE"})");
    CHECK(unknown.status == 403);
    const std::string code = hq.code();
    hq.now += 3601;
    CHECK(hq.call("POST", "/enroll", "", R"({"code":")" + code + R"("})").status == 403);
    CHECK(hq.call("POST", "/enroll", "", R"({"code":42})").status == 400);
}

TEST_CASE("a resent submission returns the first answer and creates nothing", "[hq][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    const std::string batch =
        protocol::encode(SubmissionBatch{{repair("c-0001-abcd"), repair("c-0002-abcd")}});
    auto first =
        decoded<SubmissionBatchResult>(hq.call("POST", "/submissions", t.credential, batch));
    REQUIRE(first.results.size() == 2);
    CHECK(first.results[0].status == ItemStatus::Accepted);
    CHECK_FALSE(first.results[0].resent);
    REQUIRE(first.results[0].ticket_number);
    CHECK(*first.results[0].ticket_number != *first.results[1].ticket_number);

    auto second =
        decoded<SubmissionBatchResult>(hq.call("POST", "/submissions", t.credential, batch));
    CHECK(second.results[0].resent);
    CHECK(second.results[0].ticket_number == first.results[0].ticket_number);
    CHECK(second.results[1].ticket_number == first.results[1].ticket_number);

    // Exactly two tickets exist: the feed shows two "submitted" steps.
    auto feed =
        decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", t.credential));
    CHECK(feed.changes.size() == 2);
}

TEST_CASE("the same client id with other content is refused for that item only",
          "[hq][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    hq.call("POST", "/submissions", t.credential,
            protocol::encode(SubmissionBatch{{repair("c-0001-abcd")}}));
    auto r = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential,
                protocol::encode(
                    SubmissionBatch{{repair("c-0001-abcd", "water"), repair("c-0003-abcd")}})));
    REQUIRE(r.results.size() == 2);
    CHECK(r.results[0].status == ItemStatus::Rejected);
    REQUIRE(r.results[0].error);
    CHECK(r.results[0].error->code == ErrorCode::Conflict);
    CHECK_FALSE(r.results[0].error->retryable());
    CHECK(r.results[1].status == ItemStatus::Accepted);
}

TEST_CASE("an invalid item is answered on its own and the rest are stored", "[hq][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto r = hq.call(
        "POST", "/submissions", t.credential,
        R"({"items":[{"client_id":"c-0001-abcd","kind":"repair","created_at":1,"payload":{}},)"
        R"({"client_id":"c-0002-abcd","kind":"repair","created_at":"yesterday","payload":{}}]})");
    REQUIRE(r.status == 200);
    auto results = decoded<SubmissionBatchResult>(r).results;
    CHECK(results[0].status == ItemStatus::Accepted);
    CHECK(results[1].status == ItemStatus::Rejected);
    CHECK(results[1].error->message.find("created_at") != std::string::npos);
}

TEST_CASE("survey answers are accepted without a ticket number", "[hq][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto s = repair("c-survey-01");
    s.kind = protocol::SubmissionKind::Survey;
    auto r = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential, protocol::encode(SubmissionBatch{{s}})));
    CHECK(r.results.at(0).status == ItemStatus::Accepted);
    CHECK_FALSE(r.results.at(0).ticket_number);
}

TEST_CASE(
    "a callback survey closes its resolved ticket, and only a resolved one of the same community",
    "[hq][submissions]") {
    HqFixture hq;
    auto filer = hq.enroll(), lobby = hq.enroll();
    auto filed = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", filer.credential,
                protocol::encode(SubmissionBatch{{repair("c-repair-0001")}})));
    const std::string number = *filed.results.at(0).ticket_number;
    const auto answer = [&](const std::string& id, const std::string& credential) {
        auto s = repair(id);
        s.kind = protocol::SubmissionKind::Survey;
        s.payload = {{"survey_id", "standing"},
                     {"ticket_number", number},
                     {"tracking_code", trackingCodeOf("c-repair-0001")}};
        return decoded<SubmissionBatchResult>(
            hq.call("POST", "/submissions", credential, protocol::encode(SubmissionBatch{{s}})));
    };
    const auto statusNow = [&] {
        auto feed = decoded<protocol::TicketStatusFeed>(
            hq.call("GET", "/tickets/status", filer.credential));
        REQUIRE_FALSE(feed.changes.empty());
        return feed.changes.back().status;
    };
    // Not resolved yet: the answer is kept, the ticket stays where it is.
    CHECK(answer("c-survey-early", filer.credential).results.at(0).status == ItemStatus::Accepted);
    CHECK(statusNow() == protocol::TicketState::Submitted);

    // Another community's terminal cannot close it.
    const std::string other = hq.store->addCommunity("翠湖苑").value();
    auto code = hq.store->createEnrollCode(other, std::nullopt, hq.now + 3600);
    REQUIRE(code.ok());
    auto stranger = decoded<protocol::EnrollResponse>(
        hq.call("POST", "/enroll", "",
                protocol::encode(protocol::EnrollRequest{code->code, "gate", "0.1"})));
    REQUIRE(hq.store->setTicketStatus(number, protocol::TicketState::Resolved, "", hq.now).ok());
    CHECK(answer("c-survey-strange", stranger.credential).results.at(0).status ==
          ItemStatus::Accepted);
    CHECK(statusNow() == protocol::TicketState::Resolved);

    // Answered at another terminal of the same community: closed, and the filer hears it.
    CHECK(answer("c-survey-lobby", lobby.credential).results.at(0).status == ItemStatus::Accepted);
    CHECK(statusNow() == protocol::TicketState::CallbackDone);
    auto lobbyFeed =
        decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", lobby.credential));
    CHECK(lobbyFeed.changes.empty());
}

TEST_CASE("a callback without the ticket's tracking code changes nothing, even from its terminal",
          "[hq][submissions][security]") {
    // Ticket numbers count up (R-000001, R-000002 ...): naming one must not be enough to fake a
    // resident's scores or open follow-ups.
    HqFixture hq;
    auto t = hq.enroll();
    auto filed = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential,
                protocol::encode(SubmissionBatch{{repair("c-mine-0001"), repair("c-mine-0002")}})));
    const std::string number = *filed.results.at(0).ticket_number;
    REQUIRE(hq.store->setTicketStatus(number, protocol::TicketState::Resolved, "", hq.now).ok());
    const auto callback = [&](const std::string& id, std::optional<std::string> code) {
        auto s = repair(id);
        s.kind = protocol::SubmissionKind::Survey;
        s.payload = {{"survey_id", "standing"},
                     {"ticket_number", number},
                     {"answers", {{"scores", {{"repair", 1}}}}}};
        if (code) s.payload["tracking_code"] = *code;
        auto r = decoded<SubmissionBatchResult>(
            hq.call("POST", "/submissions", t.credential, protocol::encode(SubmissionBatch{{s}})));
        return r.results.at(0).status;
    };
    const auto state = [&] {
        auto feed =
            decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", t.credential));
        REQUIRE_FALSE(feed.changes.empty());
        return feed.changes.back().status;
    };
    const auto followUps = [&] { return hq.store->tickets(false).value().size(); };
    const auto openBefore = followUps();
    // No code, the other ticket's code, a code one digit off: kept as surveys, nothing moves.
    CHECK(callback("c-cb-none", std::nullopt) == ItemStatus::Accepted);
    CHECK(callback("c-cb-other", trackingCodeOf("c-mine-0002")) == ItemStatus::Accepted);
    std::string near = trackingCodeOf("c-mine-0001");
    near.back() = near.back() == '9' ? '0' : char(near.back() + 1);
    CHECK(callback("c-cb-near", near) == ItemStatus::Accepted);
    CHECK(state() == protocol::TicketState::Resolved);
    CHECK(followUps() == openBefore);
    // The resident's code: closed, and the unhappy score opens the follow-up.
    CHECK(callback("c-cb-right", trackingCodeOf("c-mine-0001")) == ItemStatus::Accepted);
    CHECK(state() == protocol::TicketState::CallbackDone);
    CHECK(followUps() == openBefore + 1);
}

TEST_CASE("an unhappy callback opens a follow-up ticket due in 24 hours, a happy one does not",
          "[hq][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto filed = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential,
                protocol::encode(SubmissionBatch{{repair("c-fix-0001"), repair("c-fix-0002")}})));
    const std::string unhappy = *filed.results.at(0).ticket_number,
                      happy = *filed.results.at(1).ticket_number;
    for (const auto& number : {unhappy, happy})
        REQUIRE(
            hq.store->setTicketStatus(number, protocol::TicketState::Resolved, "", hq.now).ok());
    const auto callback = [&](const std::string& id, const std::string& number, int repairScore) {
        auto s = repair(id);
        s.kind = protocol::SubmissionKind::Survey;
        s.payload = {{"survey_id", "standing"}, {"ticket_number", number},
                     {"tracking_code", trackingCodeOf(number == unhappy ? "c-fix-0001" : "c-fix-0002")},
                     {"answers", {{"scores", {{"repair", repairScore}, {"communication", 4}}}}}};
        return s;
    };
    hq.now += 600;
    auto r = decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential,
                protocol::encode(SubmissionBatch{
                    {callback("c-cb-00001", unhappy, 1), callback("c-cb-00002", happy, 4)}})));
    CHECK(r.results.at(0).status == ItemStatus::Accepted);
    CHECK(r.results.at(1).status == ItemStatus::Accepted);

    auto open = hq.store->tickets(true);
    REQUIRE(open.ok());
    REQUIRE(open->size() == 1);  // both callbacks closed their tickets; one follow-up is open
    const hq::TicketSummary& f = open->front();
    CHECK(f.kind == "followup");
    CHECK(f.number.rfind("F-", 0) == 0);
    CHECK(f.follows == std::optional<std::string>(unhappy));
    CHECK(f.due_at == std::optional<std::int64_t>(hq.now + 24 * 3600));
    CHECK(f.note.find("repair 1") != std::string::npos);
    CHECK(f.note.find("communication") == std::string::npos);

    // An office ticket: the terminal's status feed carries its own tickets' changes only.
    auto feed =
        decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", t.credential));
    for (const auto& change : feed.changes) CHECK(change.ticket_number != f.number);
    auto all = hq.store->tickets(false);
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
    // The answer resent (its reply was lost) opens nothing more.
    decoded<SubmissionBatchResult>(
        hq.call("POST", "/submissions", t.credential,
                protocol::encode(SubmissionBatch{{callback("c-cb-00001", unhappy, 1)}})));
    auto again = hq.store->tickets(false);
    REQUIRE(again.ok());
    CHECK(again->size() == 3);
}

TEST_CASE("terminal A never sees terminal B's tickets and its ids do not collide",
          "[hq][authorization]") {
    HqFixture hq;
    auto a = hq.enroll(), b = hq.enroll();
    const std::string batch = protocol::encode(SubmissionBatch{{repair("c-0001-abcd")}});
    auto ra = decoded<SubmissionBatchResult>(hq.call("POST", "/submissions", a.credential, batch));
    // Same client id from B, even with other content: B's own new item, not A's.
    auto rb = decoded<SubmissionBatchResult>(hq.call(
        "POST", "/submissions", b.credential,
        protocol::encode(SubmissionBatch{{repair("c-0001-abcd", "water")}})));
    CHECK(rb.results[0].status == ItemStatus::Accepted);
    CHECK_FALSE(rb.results[0].resent);
    CHECK(rb.results[0].ticket_number != ra.results[0].ticket_number);

    REQUIRE(hq.store
                ->setTicketStatus(*ra.results[0].ticket_number, protocol::TicketState::Dispatched,
                                  "王师傅 15:00", hq.now)
                .ok());
    auto feedB =
        decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", b.credential));
    for (const auto& change : feedB.changes)
        CHECK(change.ticket_number == *rb.results[0].ticket_number);
    auto feedA =
        decoded<protocol::TicketStatusFeed>(hq.call("GET", "/tickets/status", a.credential));
    REQUIRE(feedA.changes.size() == 2);
    CHECK(feedA.changes[1].status == protocol::TicketState::Dispatched);
    CHECK(feedA.changes[1].note == "王师傅 15:00");
}

TEST_CASE("a revoked or unknown credential is refused everywhere", "[hq][authorization]") {
    HqFixture hq;
    auto t = hq.enroll();
    REQUIRE(hq.call("GET", "/config", t.credential).status == 200);
    REQUIRE(hq.store->revokeTerminal(t.terminal_id, hq.now).value());
    for (auto [method, path] : {std::pair{"GET", "/config"}, {"GET", "/notices"},
                                {"GET", "/tickets/status"}, {"POST", "/heartbeat"},
                                {"POST", "/submissions"}}) {
        INFO(path);
        auto r = hq.call(method, path, t.credential, "{}");
        CHECK(r.status == 401);
        CHECK(errorCode(r) == ErrorCode::Unauthorized);
    }
    CHECK(hq.call("GET", "/config").status == 401);
    CHECK(hq.call("GET", "/config", "forged-credential").status == 401);
}

TEST_CASE("notices reach only the terminals they target", "[hq][notices]") {
    HqFixture hq;
    auto inBuilding = hq.enroll(hq.building);
    auto elsewhere = hq.enroll();
    const std::string other = hq.store->addCommunity("另一个小区").value();
    hq::NoticeDraft draft;
    draft.title = "3号楼停水";
    draft.publish_at = hq.now;
    draft.targets = {{hq::TargetKind::Building, hq.building}};
    const std::string buildingNotice = hq.store->publishNotice(draft, hq.now).value();
    draft.title = "只给这台";
    draft.targets = {{hq::TargetKind::Terminal, elsewhere.terminal_id}};
    const std::string terminalNotice = hq.store->publishNotice(draft, hq.now).value();
    draft.title = "别的小区";
    draft.targets = {{hq::TargetKind::Community, other}};
    hq.store->publishNotice(draft, hq.now).value();
    draft.title = "全体";
    draft.targets = {{hq::TargetKind::All, ""}};
    const std::string allNotice = hq.store->publishNotice(draft, hq.now).value();

    auto ids = [&](const std::string& credential) {
        std::vector<std::string> out;
        for (const auto& n :
             decoded<protocol::NoticeFeed>(hq.call("GET", "/notices", credential)).changes)
            out.push_back(n.id);
        return out;
    };
    CHECK(ids(inBuilding.credential) == std::vector{buildingNotice, allNotice});
    CHECK(ids(elsewhere.credential) == std::vector{terminalNotice, allNotice});
}

TEST_CASE("a retraction comes through the feed as a change", "[hq][notices]") {
    HqFixture hq;
    auto t = hq.enroll();
    hq::NoticeDraft draft;
    draft.title = "活动";
    draft.body = "周六";
    draft.targets = {{hq::TargetKind::Community, hq.community}};
    const std::string id = hq.store->publishNotice(draft, hq.now).value();
    auto first = decoded<protocol::NoticeFeed>(hq.call("GET", "/notices", t.credential));
    REQUIRE(first.changes.size() == 1);
    REQUIRE(hq.store->retractNotice(id, hq.now).value());
    CHECK_FALSE(hq.store->retractNotice(id, hq.now).value());
    auto next = decoded<protocol::NoticeFeed>(
        hq.call("GET", "/notices", t.credential, "", {{"since", first.cursor}}));
    REQUIRE(next.changes.size() == 1);
    CHECK(next.changes[0].retracted);
    CHECK(next.changes[0].revision == 2);
    CHECK(next.changes[0].title.empty());
    auto empty = decoded<protocol::NoticeFeed>(
        hq.call("GET", "/notices", t.credential, "", {{"since", next.cursor}}));
    CHECK(empty.changes.empty());
}

TEST_CASE("feeds page with a cursor and say when more is ready", "[hq][notices]") {
    HqFixture hq;
    auto t = hq.enroll();
    hq::NoticeDraft draft;
    draft.title = "n";
    draft.targets = {{hq::TargetKind::All, ""}};
    for (int i = 0; i < 5; ++i) hq.store->publishNotice(draft, hq.now).value();
    std::string cursor;
    int seen = 0, pages = 0;
    for (bool more = true; more; ++pages) {
        auto page = decoded<protocol::NoticeFeed>(
            hq.call("GET", "/notices", t.credential, "", {{"since", cursor}, {"limit", "2"}}));
        seen += static_cast<int>(page.changes.size());
        cursor = page.cursor;
        more = page.more;
    }
    CHECK(seen == 5);
    CHECK(pages == 3);
}

TEST_CASE("a long-poll answers as soon as a notice is published", "[hq][notices][longpoll]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto start = decoded<protocol::NoticeFeed>(hq.call("GET", "/notices", t.credential));
    auto started = std::chrono::steady_clock::now();
    auto waiting = std::async(std::launch::async, [&] {
        return hq.call("GET", "/notices", t.credential, "",
                       {{"since", start.cursor}, {"wait", "20"}});
    });
    // Parked in the hub (not merely sent) before the notice is published.
    REQUIRE(hq.hub->waitForWaiters(1, std::chrono::steady_clock::now() + std::chrono::seconds(5)));
    hq::NoticeDraft draft;
    draft.title = "紧急停电";
    draft.emergency = true;
    draft.targets = {{hq::TargetKind::All, ""}};
    hq.store->publishNotice(draft, hq.now).value();
    auto answer = decoded<protocol::NoticeFeed>(waiting.get());
    const auto took = std::chrono::steady_clock::now() - started;
    REQUIRE(answer.changes.size() == 1);
    CHECK(answer.changes[0].emergency);
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("a long-poll times out with an empty page and a notice elsewhere does not wake it",
          "[hq][notices][longpoll]") {
    HqFixture hq;
    auto t = hq.enroll();
    hq::NoticeDraft draft;
    draft.title = "别处";
    draft.targets = {{hq::TargetKind::Terminal, "t-other"}};
    const auto started = std::chrono::steady_clock::now();
    auto waiting = std::async(std::launch::async, [&] {
        return hq.call("GET", "/notices", t.credential, "", {{"wait", "1"}});
    });
    REQUIRE(hq.hub->waitForWaiters(1, started + std::chrono::seconds(5)));
    hq.store->publishNotice(draft, hq.now).value();
    hq.hub->notify();  // the hub moves at once, as for a notice published in this process
    auto answer = decoded<protocol::NoticeFeed>(waiting.get());
    // Not woken by the other terminal's notice: the answer came at the full one-second wait.
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::seconds(1));
    CHECK(answer.changes.empty());
    CHECK(answer.cursor == "1");  // moved past the change that was not for it
}

TEST_CASE("heartbeats are recorded and their display records deduplicated", "[hq][heartbeat]") {
    HqFixture hq;
    auto t = hq.enroll();
    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.sent_at = hq.now;
    hb.queue_depth = 4;
    hb.oldest_unsent_age_s = 300;
    hb.displayed = {{"n1", 1, hq.now - 60, 30}};
    auto r = hq.call("POST", "/heartbeat", t.credential, protocol::encode(hb));
    REQUIRE(r.status == 200);
    auto ack = decoded<protocol::HeartbeatAck>(r);
    CHECK(ack.server_time == hq.now);
    CHECK(ack.config_version >= 1);
    CHECK(hq.call("POST", "/heartbeat", t.credential, protocol::encode(hb)).status == 200);
    auto list = hq.store->terminals().value();
    REQUIRE(list.size() == 1);
    CHECK(list[0].last_seen == hq.now);
}

TEST_CASE("display records are kept only for notices sent to that terminal, and bounded",
          "[hq][heartbeat]") {
    HqFixture hq;
    auto t = hq.enroll();
    hq::NoticeDraft mine;
    mine.title = "停水通知";
    mine.targets = {{hq::TargetKind::Community, hq.community}};
    mine.publish_at = hq.now - 600;
    const std::string ours = hq.store->publishNotice(mine, hq.now - 600).value();
    hq::NoticeDraft theirs;
    theirs.title = "别处的通知";
    theirs.targets = {{hq::TargetKind::Terminal, "t-other"}};
    const std::string elsewhere = hq.store->publishNotice(theirs, hq.now - 600).value();

    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.sent_at = hq.now;
    hb.displayed = {
        {ours, 1, hq.now - 60, 30},             // kept
        {ours, 1, hq.now - 60, 30},             // the same again: kept once
        {elsewhere, 1, hq.now - 60, 30},        // never sent to this terminal
        {"n-does-not-exist", 1, hq.now - 60, 30},
        {ours, 2, hq.now - 60, 30},             // a revision it never had
        {ours, 1, hq.now + 86400, 30},          // shown tomorrow
        {ours, 1, hq.now - 400 * 86400, 30},    // shown a year before it was published
    };
    REQUIRE(hq.call("POST", "/heartbeat", t.credential, protocol::encode(hb)).status == 200);
    auto kept = hq.store->noticeDisplays(ours).value();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].terminal_id == t.terminal_id);
    CHECK(kept[0].shown_at == hq.now - 60);
    CHECK(hq.store->noticeDisplays(elsewhere).value().empty());
    CHECK(hq.store->noticeDisplays("n-does-not-exist").value().empty());

    // A flood of distinct records for a real notice stops at the cap.
    std::int64_t shownAt = hq.now - 500;
    const int heartbeats = static_cast<int>(hq::kMaxDisplaysPerRevision / 1000) + 1;
    for (int beat = 0; beat < heartbeats; ++beat) {
        hb.displayed.clear();
        for (int i = 0; i < 1000; ++i) hb.displayed.push_back({ours, 1, shownAt--, 1});
        REQUIRE(hq.call("POST", "/heartbeat", t.credential, protocol::encode(hb)).status == 200);
    }
    CHECK(static_cast<std::int64_t>(hq.store->noticeDisplays(ours).value().size()) ==
          hq::kMaxDisplaysPerRevision);
}

TEST_CASE("wrong enrollment codes from one address are throttled and logged, others pass",
          "[hq][enroll]") {
    HqFixture hq;
    const auto attempt = [&](const std::string& code, const std::string& from) {
        hq::ApiRequest r{"POST", "/api/v1/enroll", {}, "", "",
                         protocol::encode(protocol::EnrollRequest{code, "lobby", "0.1"}), from};
        return hq.api->handle(r);
    };
    for (int i = 0; i < 10; ++i)
        REQUIRE(attempt("WRONG" + std::to_string(i), "198.51.100.7").status == 403);
    // The eleventh try is refused before the code is even looked at: a right code too.
    const std::string good = hq.code();
    auto refused = attempt(good, "198.51.100.7");
    CHECK(refused.status == 429);
    CHECK(refused.body.find("try again in 10 min") != std::string::npos);
    // Another address (another lobby's installer) is not held up.
    CHECK(attempt(hq.code(), "203.0.113.9").status == 201);
    // The window passes and the first address may try again; its right code still works.
    hq.now += 601;
    CHECK(attempt(good, "198.51.100.7").status == 201);
}

TEST_CASE("bad requests get clear 4xx answers", "[hq][errors]") {
    HqFixture hq;
    auto t = hq.enroll();
    struct Case {
        std::string method, path, body;
        std::map<std::string, std::string> query;
        int status;
        const char* mentions;
    };
    const Case cases[] = {
        {"POST", "/submissions", "not json", {}, 400, "not valid JSON"},
        {"POST", "/submissions", R"({"items":"x"})", {}, 400, "items: expected an array"},
        {"POST", "/heartbeat", "{}", {}, 400, "app_version: is required"},
        {"GET", "/notices", "", {{"since", "-1"}}, 400, "since"},
        {"GET", "/notices", "", {{"wait", "31"}}, 400, "wait"},
        {"GET", "/notices", "", {{"limit", "1e3"}}, 400, "limit"},
        {"GET", "/tickets/status", "", {{"since", "99999999999999999999"}}, 400, "since"},
        {"GET", "/submissions", "", {}, 400, "not allowed"},
        {"GET", "/nowhere", "", {}, 404, "no such endpoint"},
    };
    for (const Case& c : cases) {
        INFO(c.method << " " << c.path << " " << c.body);
        auto r = hq.call(c.method, c.path, t.credential, c.body, c.query);
        CHECK(r.status == c.status);
        auto body = decoded<protocol::ErrorBody>(r);
        CHECK(body.error.message.find(c.mentions) != std::string::npos);
    }
    hq::ApiRequest versioned{"GET", "/api/v1/config", {}, "Bearer " + t.credential, "2", ""};
    auto v = hq.api->handle(versioned);
    CHECK(v.status == 400);
    CHECK(errorCode(v) == ErrorCode::VersionUnsupported);
    // And it still serves.
    CHECK(hq.call("GET", "/config", t.credential).status == 200);
}

TEST_CASE("what the head office stored survives reopening the file", "[hq][store]") {
    TempDir dir;
    std::string credentialHashText = "abc";
    {
        auto store = hq::SqliteHqStore::open(dir.file("hq.db")).value();
        const auto c = store->addCommunity("A").value();
        const auto code = store->createEnrollCode(c, std::nullopt, 2'000'000'000).value();
        REQUIRE(store->enroll(code.code, "x", credentialHashText, 1).value().terminal);
    }
    auto store = hq::SqliteHqStore::open(dir.file("hq.db")).value();
    auto t = store->terminalByCredential(credentialHashText).value();
    REQUIRE(t);
    CHECK(store->storeSubmission(*t, repair("c-0001-abcd"), 2).value().ticket_number == "R-000001");
    CHECK(store->storeSubmission(*t, repair("c-0001-abcd"), 3).value().resent);
}

TEST_CASE("a file that is not a database is a clear error, not a crash", "[hq][store]") {
    TempDir dir;
    {
        std::FILE* f = std::fopen(dir.file("junk.db").c_str(), "wb");
        std::fputs("this is not sqlite, just some text that is long enough to be a header....", f);
        std::fclose(f);
    }
    auto store = hq::SqliteHqStore::open(dir.file("junk.db"));
    REQUIRE_FALSE(store.ok());
    CHECK_FALSE(store.error().message.empty());
}

TEST_CASE("staff passwords are stored as Argon2 hashes that verify", "[hq][staff]") {
    HqFixture hq;
    const std::string hash = hq::hashPassword("correct horse battery");
    REQUIRE(hq.store->addStaff("wang", hash, hq::StaffRole::NoticeEditor).ok());
    auto stored = hq.store->staffPasswordHash("wang").value();
    REQUIRE(stored);
    CHECK(stored->rfind("$argon2id$", 0) == 0);
    CHECK(hq::verifyPassword("correct horse battery", *stored));
    CHECK_FALSE(hq::verifyPassword("wrong", *stored));
    CHECK_FALSE(hq.store->addStaff("wang", hash, hq::StaffRole::Viewer).ok());  // unique
}
