// R3 at a reduced count in CTest; `homedesk-r3` runs the full 100,000 items and 24 hours.
#include <catch2/catch.hpp>

#include <sstream>

#include "tests/integration/r3_run.hpp"

using namespace homedesk::testing;

TEST_CASE(
    "R3 reduced: after a 2-hour outage the queue reaches the office in order, once, and filing "
    "never waits",
    "[integration][r3]") {
    R3Options o;
    o.items = 2000;
    o.outage_hours = 2;
    o.speedup = 3600;  // 2 s of outage
    o.drain_limit = std::chrono::seconds(240);
    const R3Figures f = runR3(o);
    std::ostringstream out;
    print(out, o, f);
    INFO(out.str());
    CHECK(f.seen_depth >= o.items);
    CHECK(f.outage_reported);
    CHECK(f.refused_attempts > 0);
    CHECK(f.drained);
    CHECK(f.lost == 0);
    CHECK(f.duplicates == 0);
    CHECK(f.out_of_order == 0);
    CHECK(f.not_delivered == 0);
    CHECK(f.office_rows == o.items + f.outage.count + f.drain.count);
    CHECK(f.outage.failed == 0);
    CHECK(f.drain.failed == 0);
    CHECK(f.passed());
}
