// homedesk-r3: quality.md's R3 at any count. `homedesk-r3` is the full run (100,000 items, a
// 24-hour outage at 10,000x); the CTest case runs the same code with a small count. Exit code 0
// only when everything arrived once, in order, and the resident was never kept waiting.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>

#include "tests/integration/r3_run.hpp"

int main(int argc, char** argv) {
    CLI::App app{"R3: the head office down for a day while the terminal queues; then it returns"};
    homedesk::testing::R3Options o;
    int drainLimit = static_cast<int>(o.drain_limit.count());
    app.add_option("--items", o.items, "items queued during the outage")->capture_default_str();
    app.add_option("--hours", o.outage_hours, "simulated hours the office is down")
        ->capture_default_str();
    app.add_option("--speedup", o.speedup, "simulated seconds per real second")
        ->capture_default_str();
    app.add_option("--resident-every", o.resident_every_ms, "ms between a resident's requests")
        ->capture_default_str();
    app.add_option("--limit", drainLimit, "seconds allowed for the drain")->capture_default_str();
    app.add_option("--fill-dir", o.fill_dir,
                   "where the queue is built before the run (empty: in place)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    o.drain_limit = std::chrono::seconds(drainLimit);
    spdlog::set_level(spdlog::level::warn);
    try {
        const auto figures = homedesk::testing::runR3(o);
        homedesk::testing::print(std::cout, o, figures);
        return figures.passed() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "homedesk-r3: " << e.what() << "\n";
        return 2;
    }
}
