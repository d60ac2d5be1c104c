#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include "sync/client/hq_client.hpp"
#include "tests/integration/loopback_hq.hpp"

using namespace homedesk;
using namespace homedesk::testing;
using namespace std::chrono_literals;

// Found by the sync benchmark: a long-poll waits in silence longer than the transport's
// low-speed allowance (20 s at 10 B/s against a 25 s wait), so every idle long-poll failed as
// "too slow", the terminal backed off, and the office kept a thread for the abandoned wait.
TEST_CASE("a long-poll may stay silent for its whole wait without tripping the low-speed limit",
          "[integration][faults]") {
    spdlog::set_level(spdlog::level::warn);
    LoopbackHq office(8);
    const auto terminal = office.enroll("quiet");
    auto transport = office.transport(office.url(), 1s);  // stalls: 1 s of silence is too slow
    sync::HqClient client(*transport);
    client.setCredential(terminal.credential);
    auto first = client.notices("", 0);
    REQUIRE(first.ok());
    const auto before = std::chrono::steady_clock::now();
    auto page = client.notices(first.value->cursor, 3);  // nothing new: silent for 3 s
    const auto took = std::chrono::steady_clock::now() - before;
    INFO(page.error.message);
    REQUIRE(page.ok());
    CHECK(page.value->changes.empty());
    CHECK(took >= 2900ms);
}
