#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include <sstream>

#include "tests/integration/r2_run.hpp"

using namespace homedesk::testing;

TEST_CASE("R2 at a reduced count: faults between engine and office lose and duplicate nothing",
          "[integration][faults][r2]") {
    spdlog::set_level(spdlog::level::warn);
    R2Options o;
    o.committed_lost = 40;
    o.terminals = 3;
    const R2Figures f = runR2(o);
    std::ostringstream text;
    print(text, o, f);
    INFO(text.str());
    WARN(text.str());
    CHECK(f.drained);
    CHECK(f.answerLostFaults() == 40);
    for (std::size_t k = 1; k < kFaultKinds; ++k) CHECK(f.injected[k] > 0);  // every kind ran
    CHECK(f.items > 0);
    CHECK(f.accepted == f.items);
    CHECK(f.lost == 0);
    CHECK(f.duplicates == 0);
    CHECK(f.key_changes == 0);
    CHECK(f.not_delivered == 0);
    CHECK(f.resent_items >= 40);  // every lost answer made its batch go again
    CHECK(f.proxy.undecodable_submissions == 0);
}

TEST_CASE("R2's checks catch terminals that make a new idempotency key per retry",
          "[integration][faults][r2]") {
    spdlog::set_level(spdlog::level::warn);
    R2Options o;
    o.committed_lost = 10;
    o.terminals = 2;
    o.break_keys = true;
    const R2Figures f = runR2(o);
    std::ostringstream text;
    print(text, o, f);
    INFO(text.str());
    CHECK(f.drained);           // the engine still empties its queue ...
    CHECK(f.duplicates >= 10);  // ... but every lost answer became a second ticket
    CHECK(f.key_changes >= 10);
    CHECK_FALSE(f.passed());
}
