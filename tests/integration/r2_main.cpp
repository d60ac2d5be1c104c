// homedesk-r2: quality.md's R2 at any count. `homedesk-r2 --faults 500` is the full run; the
// CTest case runs the same code with a small count. Exit code 0 only when nothing was lost or
// duplicated and every retry kept its idempotency key.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>

#include "tests/integration/r2_run.hpp"

int main(int argc, char** argv) {
    CLI::App app{"R2: committed-but-answer-lost and other faults between terminals and the office"};
    homedesk::testing::R2Options o;
    int drainLimit = static_cast<int>(o.drain_limit.count());
    app.add_option("--faults", o.committed_lost, "\"committed, answer lost\" faults to inject")
        ->capture_default_str();
    app.add_option("--seed", o.seed, "fault schedule seed")->capture_default_str();
    app.add_option("--terminals", o.terminals, "terminals sending at once")->capture_default_str();
    app.add_option("--batch", o.batch, "items per batch")->capture_default_str();
    app.add_option("--limit", drainLimit, "seconds allowed for feeding, and again for draining")
        ->capture_default_str();
    app.add_flag("--break-keys", o.break_keys,
                 "self-test: terminals make a new key per retry; the run must FAIL");
    CLI11_PARSE(app, argc, argv);
    o.drain_limit = std::chrono::seconds(drainLimit);
    spdlog::set_level(spdlog::level::warn);  // the office logs every batch at info
    try {
        const auto figures = homedesk::testing::runR2(o);
        homedesk::testing::print(std::cout, o, figures);
        return figures.passed() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "homedesk-r2: " << e.what() << "\n";
        return 2;
    }
}
