// homedesk-store-bench (T7): the time submit() takes to make a ticket + status + outbox item
// durable (WAL, synchronous=FULL), beside a bare one-row durable commit measured in the same run
// and interleaved with it, so a slow or noisy disk shows in both. Prints figures; asserts nothing.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const size_t i =
        std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * static_cast<double>(v.size())));
    return v[i];
}

void print(const char* what, const std::vector<double>& v) {
    std::printf("  %-34s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %6.2f ms\n", what,
                percentile(v, 50), percentile(v, 90), percentile(v, 99),
                *std::max_element(v.begin(), v.end()));
}

NewTicket ticket(int i) {
    NewTicket t;
    t.clientId = "bench-" + std::to_string(1'000'000 + i);
    t.kind = TicketKind::Repair;
    t.repairCategory = RepairCategory::Pipes;
    t.location.kind = i % 2 ? TicketLocation::Kind::Home : TicketLocation::Kind::PublicPlace;
    t.location.buildingId = "b3";
    t.location.unit = "1单元 502";
    t.location.placeId = i % 2 ? "" : "b3-lobby";
    t.urgency = i % 5 == 0 ? Urgency::Urgent : Urgency::Normal;
    t.description =
        "厨房水管漏水，地面已经积水，请尽快安排师傅上门。Kitchen pipe leaking, water on the floor.";
    t.phone = "139" + std::to_string(10'000'000 + i);
    t.createdAt = 1'700'000'000 + i;
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"T7: submission commit latency of the terminal's store"};
    int commits = 2000;
    std::string dir;
    app.add_option("--commits", commits, "submissions to time");
    app.add_option("--dir", dir,
                   "directory for the databases (default: a temp dir; use the terminal's disk)");
    CLI11_PARSE(app, argc, argv);

    const bool ownDir = dir.empty();
    if (ownDir)
        dir = (std::filesystem::temp_directory_path() /
               ("homedesk-bench-" + std::to_string(::getpid())))
                  .string();
    std::filesystem::create_directories(dir);

    auto store = homedesk::store::testing::openTickets(dir + "/homedesk.db", dir + "/phone.key");
    if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
    auto reference = store::Db::open(dir + "/reference.db");
    if (!reference ||
        !reference->exec("CREATE TABLE IF NOT EXISTS r (id INTEGER PRIMARY KEY, v TEXT)").ok())
        return std::fprintf(stderr, "cannot make the reference database\n"), 1;
    auto insert = reference->prepare("INSERT INTO r (v) VALUES (?1)");
    if (!insert) return 1;

    for (int i = 0; i < 50; ++i)  // warm-up: page cache, WAL file growth
        if (!store->submit(ticket(-1 - i)).ok()) return 1;

    std::vector<double> submitMs, referenceMs;
    submitMs.reserve(static_cast<size_t>(commits));
    referenceMs.reserve(static_cast<size_t>(commits));
    for (int i = 0; i < commits; ++i) {
        const NewTicket t = ticket(i);
        auto start = Clock::now();
        auto receipt = store->submit(t);
        submitMs.push_back(ms(Clock::now() - start));
        if (!receipt)
            return std::fprintf(stderr, "submit: %s\n", receipt.error().message.c_str()), 1;

        insert->reset();
        insert->bind(1, t.description);
        start = Clock::now();
        auto done = insert->run();
        referenceMs.push_back(ms(Clock::now() - start));
        if (!done) return 1;
    }

    std::printf("store bench (T7): %d submissions, WAL + synchronous=FULL, in %s\n", commits,
                dir.c_str());
    print("submit (ticket+status+outbox)", submitMs);
    print("reference: bare one-row commit", referenceMs);
    const double p99 = percentile(submitMs, 99);
    std::printf("  T7 target p99 <= 15 ms: %s (p99 %.2f ms; %.1fx the reference p99)\n",
                p99 <= 15.0 ? "met" : "NOT met", p99,
                p99 / std::max(0.001, percentile(referenceMs, 99)));
    if (ownDir) std::filesystem::remove_all(dir);
    return 0;
}
