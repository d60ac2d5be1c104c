#include <catch2/catch.hpp>

#include <future>

#include "tests/integration/hq_server_fixture.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using protocol::ErrorCode;
using protocol::ItemStatus;

TEST_CASE("a terminal enrolls over TLS and reads its configuration", "[integration][enroll]") {
    HqFixture hq;
    auto t = hq.enroll(hq.building);
    CHECK(t.enrolled.community_id == hq.community);
    auto config = t.client->config();
    REQUIRE(config.ok());
    CHECK(config.value->terminal_id == t.enrolled.terminal_id);
    CHECK(config.value->buildings.at(0).name == "3号楼");
    CHECK(config.value->signing_public_key == t.enrolled.signing_public_key);

    // The code was single-use.
    auto code =
        hq.server.store().createEnrollCode(hq.community, std::nullopt, unixNow() + 60).value();
    auto other = hq.transport();
    sync::HqClient client(*other);
    REQUIRE(client.enroll({code.code, "", ""}).ok());
    auto again = client.enroll({code.code, "", ""});
    CHECK(again.status == 409);
    CHECK(again.error.code == ErrorCode::Conflict);
}

TEST_CASE("submissions round trip and a resend never duplicates", "[integration][submissions]") {
    HqFixture hq;
    auto t = hq.enroll();
    protocol::SubmissionBatch batch{{repairItem("k-0001-aaaa"), repairItem("k-0002-aaaa")}};
    auto first = t.client->submit(batch);
    REQUIRE(first.ok());
    REQUIRE(first.value->results.size() == 2);
    const auto number = first.value->results[0].ticket_number;
    REQUIRE(number);

    // "Committed but the answer was lost": the terminal sends the very same batch again.
    for (int i = 0; i < 3; ++i) {
        auto again = t.client->submit(batch);
        REQUIRE(again.ok());
        CHECK(again.value->results[0].resent);
        CHECK(again.value->results[0].ticket_number == number);
    }
    auto feed = t.client->ticketStatus("");
    REQUIRE(feed.ok());
    CHECK(feed.value->changes.size() == 2);  // two tickets, each "submitted" once

    batch.items[0].payload["urgent"] = false;
    auto changed = t.client->submit(batch);
    REQUIRE(changed.ok());
    CHECK(changed.value->results[0].status == ItemStatus::Rejected);
    CHECK(changed.value->results[0].error->code == ErrorCode::Conflict);
    CHECK(changed.value->results[1].resent);
}

TEST_CASE("the ticket status feed brings the head office's changes in order",
          "[integration][tickets]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto sent = t.client->submit({{repairItem("k-0001-aaaa")}});
    REQUIRE(sent.ok());
    const std::string number = *sent.value->results[0].ticket_number;
    auto start = t.client->ticketStatus("");
    REQUIRE(start.ok());

    auto& store = hq.server.store();
    REQUIRE(store.setTicketStatus(number, protocol::TicketState::Accepted, "", unixNow()).ok());
    REQUIRE(store
                .setTicketStatus(number, protocol::TicketState::Dispatched, "王师傅, 预计 15:00",
                                 unixNow())
                .ok());
    REQUIRE(store.setTicketStatus(number, protocol::TicketState::Resolved, "", unixNow()).ok());

    auto feed = t.client->ticketStatus(start.value->cursor);
    REQUIRE(feed.ok());
    REQUIRE(feed.value->changes.size() == 3);
    CHECK(feed.value->changes[0].status == protocol::TicketState::Accepted);
    CHECK(feed.value->changes[1].note == "王师傅, 预计 15:00");
    CHECK(feed.value->changes[2].status == protocol::TicketState::Resolved);
    CHECK(feed.value->changes[2].client_id == "k-0001-aaaa");
    auto after = t.client->ticketStatus(feed.value->cursor);
    REQUIRE(after.ok());
    CHECK(after.value->changes.empty());
}

TEST_CASE("a notice targeted to one terminal reaches it and not another",
          "[integration][notices]") {
    HqFixture hq;
    auto a = hq.enroll(hq.building);
    auto b = hq.enroll();
    const std::string forA =
        hq.publish("只给A", {hq::TargetKind::Terminal, a.enrolled.terminal_id});
    const std::string forBuilding =
        hq.publish("3号楼停水", {hq::TargetKind::Building, hq.building});
    const std::string forAll = hq.publish("全体通知", {hq::TargetKind::All, ""});

    auto feedA = a.client->notices("", 0);
    auto feedB = b.client->notices("", 0);
    REQUIRE(feedA.ok());
    REQUIRE(feedB.ok());
    std::vector<std::string> idsA, idsB;
    for (const auto& n : feedA.value->changes) idsA.push_back(n.id);
    for (const auto& n : feedB.value->changes) idsB.push_back(n.id);
    CHECK(idsA == std::vector{forA, forBuilding, forAll});
    CHECK(idsB == std::vector{forAll});
}

TEST_CASE("a waiting terminal gets a published notice at once",
          "[integration][notices][longpoll]") {
    HqFixture hq;
    auto t = hq.enroll();
    auto start = t.client->notices("", 0);
    REQUIRE(start.ok());
    auto waiting =
        std::async(std::launch::async, [&] { return t.client->notices(start.value->cursor, 20); });
    // The poll is parked at the office (the hub counts it) and has not answered: it did wait.
    REQUIRE(hq.server.hub().waitForWaiters(
        1, std::chrono::steady_clock::now() + std::chrono::seconds(5)));
    CHECK(waiting.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    const auto published = std::chrono::steady_clock::now();
    hq.publish("紧急: 电梯停运", {hq::TargetKind::Community, hq.community});
    auto feed = waiting.get();
    const auto arrived = std::chrono::steady_clock::now();
    REQUIRE(feed.ok());
    REQUIRE(feed.value->changes.size() == 1);
    CHECK(feed.value->changes[0].title == "紧急: 电梯停运");
    CHECK(arrived - published < std::chrono::seconds(3));  // S1's bound, for one terminal
}

TEST_CASE("a retracted notice comes to the terminal as a change", "[integration][notices]") {
    HqFixture hq;
    auto t = hq.enroll();
    const std::string id = hq.publish("周六活动", {hq::TargetKind::All, ""});
    auto first = t.client->notices("", 0);
    REQUIRE(first.ok());
    REQUIRE(first.value->changes.size() == 1);
    auto waiting =
        std::async(std::launch::async, [&] { return t.client->notices(first.value->cursor, 20); });
    REQUIRE(hq.server.hub().waitForWaiters(
        1, std::chrono::steady_clock::now() + std::chrono::seconds(5)));
    REQUIRE(hq.server.store().retractNotice(id, unixNow()).value());
    auto next = waiting.get();
    REQUIRE(next.ok());
    REQUIRE(next.value->changes.size() == 1);
    CHECK(next.value->changes[0].id == id);
    CHECK(next.value->changes[0].retracted);
    CHECK(next.value->changes[0].revision == 2);
}

TEST_CASE("heartbeats report health and displayed notices", "[integration][heartbeat]") {
    HqFixture hq;
    auto t = hq.enroll();
    const std::string id = hq.publish("公告", {hq::TargetKind::All, ""});
    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.sent_at = unixNow();
    hb.queue_depth = 2;
    hb.oldest_unsent_age_s = 45;
    hb.displayed = {{id, 1, unixNow() - 30, 20}};
    hb.errors = {"camera not found"};
    auto ack = t.client->heartbeat(hb);
    REQUIRE(ack.ok());
    CHECK(std::abs(ack.value->server_time - unixNow()) < 5);
    auto terminals = hq.server.store().terminals().value();
    REQUIRE(terminals.size() == 1);
    CHECK(terminals[0].last_seen);
}

TEST_CASE("terminal A cannot read or write terminal B's data", "[integration][authorization]") {
    HqFixture hq;
    auto a = hq.enroll();
    auto b = hq.enroll();
    const protocol::Submission itemA = repairItem("k-0001-aaaa");
    auto fromA = a.client->submit({{itemA}});
    REQUIRE(fromA.ok());
    const std::string numberA = *fromA.value->results[0].ticket_number;

    // B reuses A's id with other content: B gets its own ticket; A's is untouched.
    auto fromB = b.client->submit({{repairItem("k-0001-aaaa", "water")}});
    REQUIRE(fromB.ok());
    CHECK(fromB.value->results[0].status == ItemStatus::Accepted);
    CHECK_FALSE(fromB.value->results[0].resent);
    CHECK(*fromB.value->results[0].ticket_number != numberA);
    auto againA = a.client->submit({{itemA}});  // the stored item, as the outbox resends it
    INFO(againA.error.message);
    REQUIRE(againA.ok());
    CHECK(againA.value->results[0].resent);
    CHECK(againA.value->results[0].ticket_number == numberA);

    REQUIRE(hq.server.store()
                .setTicketStatus(numberA, protocol::TicketState::Dispatched, "", unixNow())
                .ok());
    auto feedB = b.client->ticketStatus("");
    REQUIRE(feedB.ok());
    for (const auto& change : feedB.value->changes) CHECK(change.ticket_number != numberA);
    hq.publish("只给A", {hq::TargetKind::Terminal, a.enrolled.terminal_id});
    auto noticesB = b.client->notices("", 0);
    REQUIRE(noticesB.ok());
    CHECK(noticesB.value->changes.empty());
}

TEST_CASE("a revoked terminal is refused on every endpoint", "[integration][authorization]") {
    HqFixture hq;
    auto t = hq.enroll();
    REQUIRE(t.client->config().ok());
    REQUIRE(hq.server.store().revokeTerminal(t.enrolled.terminal_id, unixNow()).value());
    auto config = t.client->config();
    CHECK(config.status == 401);
    CHECK(config.error.code == ErrorCode::Unauthorized);
    CHECK(config.error.fatal());
    CHECK(t.client->submit({{repairItem("k-0009-aaaa")}}).status == 401);
    CHECK(t.client->notices("", 0).status == 401);
    CHECK(t.client->ticketStatus("").status == 401);
    protocol::Heartbeat hb;
    hb.app_version = "0.1.0";
    CHECK(t.client->heartbeat(hb).status == 401);
    // An invented credential fares no better.
    t.client->setCredential("not-a-real-credential");
    CHECK(t.client->config().status == 401);
}
