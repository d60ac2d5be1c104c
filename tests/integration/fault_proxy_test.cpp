#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include "sync/client/hq_client.hpp"
#include "tests/integration/fault_proxy.hpp"
#include "tests/integration/loopback_hq.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using namespace std::chrono_literals;

namespace {

// One fault kind, always: every submission through the proxy meets it.
struct OneFault {
    explicit OneFault(Fault fault) : schedule(quotas(fault), 7, 1.0) {}
    static FaultCounts quotas(Fault f) {
        FaultCounts q{};
        q[static_cast<std::size_t>(f)] = 1000;
        return q;
    }
    LoopbackHq office{8};
    PemPair cert = office.pki().server("proxy", {"IP:127.0.0.1"});
    FaultSchedule schedule;
    FaultProxy proxy{{office.port(), cert.cert_file, cert.key_file, office.pki().caFile(), 10s, 7},
                     schedule};
    protocol::EnrollResponse terminal = office.enroll("proxy-test");

    sync::ApiResult<protocol::SubmissionBatchResult> submit(const std::string& id) {
        auto transport = office.transport(proxy.url(), 1s);
        sync::HqClient client(*transport);
        client.setCredential(terminal.credential);
        protocol::Submission s;
        s.client_id = id;
        s.created_at = wallSeconds();
        s.payload = {{"category", "water"}};
        return client.submit({{s}});
    }
    // Whether the office stored it, asked directly (not through the proxy).
    bool officeHas(const std::string& id) {
        auto transport = office.transport(office.url());
        sync::HqClient client(*transport);
        client.setCredential(terminal.credential);
        auto feed = client.ticketStatus("");
        REQUIRE(feed.ok());
        for (const auto& c : feed.value->changes)
            if (c.client_id == id) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("the fault proxy: each fault does what it says", "[integration][faults]") {
    spdlog::set_level(spdlog::level::warn);
    SECTION("committed, answer lost: the office has it, the terminal sees a network failure") {
        OneFault rig(Fault::CommittedLost);
        auto r = rig.submit("proxy-lost-01");
        CHECK_FALSE(r.ok());
        CHECK(r.error.code == protocol::ErrorCode::Network);
        CHECK(rig.officeHas("proxy-lost-01"));
    }
    SECTION("reset before forwarding: the office never saw it") {
        OneFault rig(Fault::Reset);
        CHECK_FALSE(rig.submit("proxy-reset-1").ok());
        CHECK_FALSE(rig.officeHas("proxy-reset-1"));
    }
    SECTION("503 from the proxy: retryable, not stored") {
        OneFault rig(Fault::Unavailable);
        auto r = rig.submit("proxy-503-001");
        CHECK(r.status == 503);
        CHECK(r.error.retryable());
        CHECK_FALSE(rig.officeHas("proxy-503-001"));
    }
    SECTION("500 after the commit: retryable, stored") {
        OneFault rig(Fault::ServerError);
        auto r = rig.submit("proxy-500-001");
        CHECK(r.status == 500);
        CHECK(r.error.retryable());
        CHECK(rig.officeHas("proxy-500-001"));
    }
    SECTION("a truncated answer is a failure, not a half-read success") {
        OneFault rig(Fault::Truncated);
        auto r = rig.submit("proxy-trunc-1");
        CHECK_FALSE(r.ok());
        CHECK(r.error.retryable());
        CHECK(rig.officeHas("proxy-trunc-1"));
    }
    SECTION("a stall trips the client's low-speed limit, well before the proxy's own limit") {
        OneFault rig(Fault::Stall);
        const auto before = std::chrono::steady_clock::now();
        auto r = rig.submit("proxy-stall-1");
        const auto took = std::chrono::steady_clock::now() - before;
        CHECK_FALSE(r.ok());
        CHECK(r.error.code == protocol::ErrorCode::Timeout);
        CHECK(took < 8s);
        CHECK(rig.officeHas("proxy-stall-1"));
    }
    SECTION("a delay still delivers the answer") {
        OneFault rig(Fault::Delay);
        auto r = rig.submit("proxy-delay-1");
        REQUIRE(r.ok());
        CHECK(r.value->results.at(0).ticket_number);
    }
    SECTION("the proxy records every item it forwarded") {
        OneFault rig(Fault::Delay);
        REQUIRE(rig.submit("proxy-seen-01").ok());
        auto seen = rig.proxy.submissionsSeen();
        REQUIRE(seen.size() == 1);
        CHECK(seen[0].client_id == "proxy-seen-01");
        CHECK(rig.schedule.injected()[static_cast<std::size_t>(Fault::Delay)] == 1);
    }
}
