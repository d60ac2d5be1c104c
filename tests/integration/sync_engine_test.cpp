#include <catch2/catch.hpp>

#include <atomic>
#include <set>

#include "sync/client/sync_engine.hpp"
#include "tests/integration/hq_server_fixture.hpp"
#include "tests/integration/memory_outbox.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using namespace std::chrono_literals;

namespace {

// The real transport with faults in front: an outage (calls fail before leaving), and
// "committed but the answer was lost" (the head office got the batch; the terminal sees a reset).
class FaultyTransport final : public sync::HttpTransport {
public:
  FaultyTransport(std::unique_ptr<sync::HttpTransport> real, int outageCalls, int lostAnswers,
                  int busyAnswers, std::mutex& logMutex, std::vector<std::string>& submissionBodies)
      : m_real(std::move(real)),
        m_outage(outageCalls),
        m_lost(lostAnswers),
        m_busy(busyAnswers),
        m_logMutex(logMutex),
        m_bodies(submissionBodies) {}

  sync::HttpResult send(const sync::HttpRequest& request) override {
      const bool submission = request.path.find("/submissions") != std::string::npos;
      if (submission) {
          std::lock_guard lock(m_logMutex);
          m_bodies.push_back(request.body);
      }
      if (m_outage > 0) {
          --m_outage;
          return {std::nullopt, {protocol::ErrorCode::Network, "connection refused (injected)"}};
      }
      if (submission && m_busy > 0) {
          --m_busy;
          return {sync::HttpResponse{
                      503, R"j({"error":{"code":"unavailable","message":"busy (injected)"}})j"},
                  {}};
      }
      sync::HttpResult result = m_real->send(request);
      if (submission && m_lost > 0 && result.ok()) {
          --m_lost;
          return {std::nullopt, {protocol::ErrorCode::Network, "connection reset (injected)"}};
      }
      return result;
    }
    void abort() override { m_real->abort(); }

private:
    std::unique_ptr<sync::HttpTransport> m_real;
    int m_outage, m_lost, m_busy;
    std::mutex& m_logMutex;
    std::vector<std::string>& m_bodies;
};

template <typename F>
bool waitFor(F condition, std::chrono::milliseconds limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return condition();
}

sync::SyncSettings fastSettings() {
    sync::SyncSettings s;
    s.batch_size = 25;
    s.backoff_base = 10ms;
    s.backoff_cap = 200ms;
    s.poll_interval = 100ms;
    s.heartbeat_interval = 100ms;
    s.notice_wait_s = 5;
    s.seed = 1234;
    return s;
}

struct EngineRig {
    HqFixture& hq;
    HqFixture::Terminal terminal = hq.enroll();
    MemoryOutbox outbox;
    MemorySinks sinks;
    std::mutex logMutex;
    std::vector<std::string> submissionBodies;
    std::atomic<int> outage{0}, lost{0}, busy{0};
    std::atomic<int> changes{0};
    std::unique_ptr<sync::SyncEngine> engine;

    explicit EngineRig(HqFixture& fixture) : hq(fixture) {}

    void start(sync::SyncSettings settings = fastSettings()) {
        engine = std::make_unique<sync::SyncEngine>(
            [this]() -> std::unique_ptr<sync::HttpTransport> {
                // Faults apply to the push connection, the first one made.
                const int o = outage.exchange(0), l = lost.exchange(0), b = busy.exchange(0);
                return std::make_unique<FaultyTransport>(hq.transport(), o, l, b, logMutex,
                                                         submissionBodies);
            },
            terminal.enrolled.credential, outbox, sinks, sinks, settings, [this] { ++changes; });
        engine->start();
    }

    // Tickets the head office holds for this terminal, by number.
    std::set<std::string> officeTickets() {
        std::set<std::string> numbers;
        std::string cursor;
        for (bool more = true; more;) {
            auto page = terminal.client->ticketStatus(cursor);
            REQUIRE(page.ok());
            for (const auto& c : page.value->changes)
                if (c.status == protocol::TicketState::Submitted) {
                    CHECK(numbers.insert(c.ticket_number).second);  // each ticket made once
                }
            cursor = page.value->cursor;
            more = page.value->more;
        }
        return numbers;
    }
};

std::string itemId(int i) { return "e-" + std::to_string(100000 + i); }

}  // namespace

TEST_CASE("the engine drains the outbox in batches and every item gets its ticket",
          "[integration][engine]") {
    HqFixture hq;
    EngineRig rig(hq);
    for (int i = 0; i < 120; ++i) rig.outbox.add(repairItem(itemId(i)));
    rig.start();
    REQUIRE(waitFor([&] { return rig.outbox.size() == 0; }, 30s));
    rig.engine->stop();
    const auto numbers = rig.officeTickets();
    CHECK(numbers.size() == 120);
    rig.outbox.inspect([&](MemoryOutbox& o) {
        CHECK(o.delivered.size() == 120);
        std::set<std::string> local;
        for (const auto& [id, number] : o.delivered) local.insert(number);
        CHECK(local == numbers);
        return 0;
    });
    CHECK(rig.submissionBodies.size() >= 5);  // 120 / 25
    CHECK(rig.engine->status().delivered == 120);
    CHECK(rig.engine->status().queued == 0);
}

TEST_CASE("an outage and lost answers lose nothing, duplicate nothing, and retries keep their keys",
          "[integration][engine][faults]") {
    HqFixture hq;
    EngineRig rig(hq);
    for (int i = 0; i < 60; ++i) rig.outbox.add(repairItem(itemId(i)));
    rig.outage = 5;
    rig.lost = 3;
    rig.start();
    REQUIRE(waitFor([&] { return rig.outbox.size() == 0; }, 30s));
    rig.engine->stop();
    CHECK(rig.officeTickets().size() == 60);
    // Every attempt sent each item byte for byte as the first time.
    std::map<std::string, std::string> firstForm;
    int retried = 0;
    for (const std::string& body : rig.submissionBodies) {
        auto batch = protocol::decode<protocol::SubmissionBatch>(body);
        REQUIRE(batch.ok());
        for (const auto& item : batch->items) {
            const std::string form = protocol::encode(item);
            auto [it, first] = firstForm.emplace(item.client_id, form);
            if (!first) {
                ++retried;
                CHECK(it->second == form);
            }
        }
    }
    CHECK(firstForm.size() == 60);
    CHECK(retried >= 25);  // at least the batches whose answers were lost went again
    rig.outbox.inspect([](MemoryOutbox& o) {
        CHECK(o.delivered.size() == 60);
        CHECK(o.rejected.empty());
        // No answer came for those attempts (offline, answer lost): nothing is written per item.
        CHECK(o.failures.empty());
        return 0;
    });
}

TEST_CASE("a busy office's refusals are counted on each item, which then goes through",
          "[integration][engine][faults]") {
    HqFixture hq;
    EngineRig rig(hq);
    for (int i = 0; i < 10; ++i) rig.outbox.add(repairItem(itemId(i)));
    rig.busy = 2;
    rig.start();
    REQUIRE(waitFor([&] { return rig.outbox.size() == 0; }, 30s));
    rig.engine->stop();
    CHECK(rig.officeTickets().size() == 10);
    rig.outbox.inspect([](MemoryOutbox& o) {
        CHECK(o.delivered.size() == 10);
        REQUIRE(o.failures.size() == 10);  // one batch of 10, refused twice
        for (const auto& [id, count] : o.failures) CHECK(count == 2);
        return 0;
    });
}

TEST_CASE("a conflicting item is parked and the others are delivered", "[integration][engine]") {
    HqFixture hq;
    EngineRig rig(hq);
    const auto original = repairItem("e-conflict-1");
    REQUIRE(rig.terminal.client->submit({{original}}).ok());
    rig.outbox.add(repairItem("e-conflict-1", "water"));  // same id, other content: a bug upstream
    rig.outbox.add(repairItem("e-fine-0001"));
    rig.start();
    REQUIRE(waitFor([&] { return rig.outbox.size() == 0; }));
    rig.engine->stop();
    rig.outbox.inspect([](MemoryOutbox& o) {
        CHECK(o.rejected.at("e-conflict-1") == protocol::ErrorCode::Conflict);
        CHECK(o.delivered.count("e-fine-0001") == 1);
        return 0;
    });
    CHECK(rig.engine->status().rejected == 1);
}

TEST_CASE("notices and ticket changes reach the terminal's sinks while the engine runs",
          "[integration][engine]") {
    HqFixture hq;
    EngineRig rig(hq);
    rig.outbox.add(repairItem("e-ticket-01"));
    rig.start();
    REQUIRE(waitFor([&] { return rig.outbox.size() == 0; }));
    const std::string number =
        rig.outbox.inspect([](MemoryOutbox& o) { return o.delivered.at("e-ticket-01"); });

    const std::string notice =
        hq.publish("停水通知", {hq::TargetKind::Terminal, rig.terminal.enrolled.terminal_id});
    CHECK(waitFor(
        [&] {
            return rig.sinks.inspect([&](MemorySinks& s) { return s.notices.count(notice) == 1; });
        },
        3s));
    REQUIRE(hq.server.store().retractNotice(notice, unixNow()).value());
    CHECK(waitFor(
        [&] { return rig.sinks.inspect([&](MemorySinks& s) { return s.notices.empty(); }); }, 3s));

    REQUIRE(hq.server.store()
                .setTicketStatus(number, protocol::TicketState::Dispatched, "", unixNow())
                .ok());
    CHECK(waitFor([&] {
        return rig.sinks.inspect([&](MemorySinks& s) {
            auto it = s.ticketStatus.find(number);
            return it != s.ticketStatus.end() && it->second == protocol::TicketState::Dispatched;
        });
    }));
    CHECK(rig.changes > 0);
    CHECK(rig.engine->status().last_success);
}

TEST_CASE("heartbeats carry the notices the terminal showed, and the office keeps them",
          "[integration][engine][heartbeat]") {
    HqFixture hq;
    EngineRig rig(hq);
    MemoryDisplayLog displays;
    const std::string notice = hq.publish("停电通知", {hq::TargetKind::All, ""});
    const std::int64_t shownAt = unixNow() - 120;  // shown while offline, reported later
    displays.add({notice, 1, shownAt, 45});
    rig.engine = std::make_unique<sync::SyncEngine>(
        [&]() -> std::unique_ptr<sync::HttpTransport> { return hq.transport(); },
        rig.terminal.enrolled.credential, rig.outbox, rig.sinks, rig.sinks, fastSettings(),
        nullptr);
    rig.engine->setDisplayLog(&displays);
    rig.engine->start();
    REQUIRE(waitFor([&] { return displays.pending() == 0; }));
    rig.engine->stop();
    auto records = hq.server.store().noticeDisplays(notice);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    CHECK(records->at(0).terminal_id == rig.terminal.enrolled.terminal_id);
    CHECK(records->at(0).shown_at == shownAt);
    CHECK(records->at(0).shown_for_s == 45);
    auto terminals = hq.server.store().terminals().value();
    CHECK(terminals.at(0).last_seen);
}

TEST_CASE("a revoked terminal keeps its queue and asks for a person", "[integration][engine]") {
    HqFixture hq;
    EngineRig rig(hq);
    REQUIRE(hq.server.store().revokeTerminal(rig.terminal.enrolled.terminal_id, unixNow()).value());
    rig.outbox.add(repairItem("e-kept-0001"));
    rig.start();
    CHECK(waitFor([&] { return rig.engine->status().needs_attention; }));
    rig.engine->stop();
    CHECK(rig.outbox.size() == 1);
    CHECK_FALSE(rig.engine->status().last_error.empty());
}

TEST_CASE("stopping the engine interrupts a long-poll at once", "[integration][engine]") {
    HqFixture hq;
    EngineRig rig(hq);
    auto settings = fastSettings();
    settings.notice_wait_s = 30;
    rig.start(settings);
    std::this_thread::sleep_for(500ms);  // the notice thread is now waiting at the office
    const auto before = std::chrono::steady_clock::now();
    rig.engine->stop();
    CHECK(std::chrono::steady_clock::now() - before < 3s);
}
