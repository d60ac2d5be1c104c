// homedesk-desk-bench: the staff console's ticket queries at estate scale. Fills a real SQLite
// head-office store with N tickets (default 100,000) across a few communities through the real
// ingest path (batches of 100, as terminals send them), works a few thousand of them through the
// TicketDesk (accept, dispatch, start, finish, close, notes), then times the inbox's first page
// with filters and one ticket's page through ticketRoutes (the whole JSON answer) and prints
// p50/p95/max per query. Figures never fail the run; see BENCHMARKS.md (Ticket desk).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "sync/hq/console/console_routes.hpp"
#include "sync/hq/desk/ticket_desk.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;

namespace {

struct Options {
    int tickets = 100'000;
    int communities = 4;
    int buildings = 5;  // per community
    int worked = 1'000;  // tickets taken through the workflow
    int repeat = 40;     // timed runs per query
    std::string dir;     // where the store goes; a fresh temp dir when empty
};

double ms(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

[[noreturn]] void die(const std::string& what, const Error& e) {
    std::fprintf(stderr, "desk bench: %s: %s: %s\n", what.c_str(), e.where.c_str(),
                 e.message.c_str());
    std::exit(1);
}

template <typename T>
T must(Result<T> r, const std::string& what) {
    if (!r) die(what, r.error());
    return std::move(r.value());
}

const char* kWords[] = {"厨房水管漏水", "电梯异响", "楼道灯不亮", "门禁卡失灵", "下水道堵塞",
                        "空调外机噪音", "墙面渗水", "窗户关不上", "停车场积水", "垃圾未清运"};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"Ticket desk benchmark: the console's ticket queries on a large store"};
    app.add_option("--tickets", o.tickets, "tickets to file")->check(CLI::Range(100, 2'000'000));
    app.add_option("--communities", o.communities)->check(CLI::Range(1, 50));
    app.add_option("--buildings", o.buildings, "per community")->check(CLI::Range(1, 50));
    app.add_option("--worked", o.worked, "tickets taken through the workflow");
    app.add_option("--repeat", o.repeat, "timed runs per query")->check(CLI::Range(1, 10000));
    app.add_option("--dir", o.dir, "directory for the store (default: a fresh temp dir)");
    CLI11_PARSE(app, argc, argv);

    testing::TempDir temp;
    const std::string path = (o.dir.empty() ? temp.path().string() : o.dir) + "/desk-bench.db";
    std::remove(path.c_str());
    auto store = must(hq::SqliteHqStore::open(path), "open");
    hq::TicketDesk desk(*store, hq::SlaPolicy{});

    // The estate: communities, buildings, one terminal per building, staff.
    const std::int64_t start = 1'790'000'000;
    std::vector<hq::TerminalRecord> terminals;
    std::vector<std::string> communityIds, buildingIds;
    for (int c = 0; c < o.communities; ++c) {
        const auto community = must(store->addCommunity("小区" + std::to_string(c)), "community");
        communityIds.push_back(community);
        for (int b = 0; b < o.buildings; ++b) {
            const auto building =
                must(store->addBuilding(community, std::to_string(b + 1) + "号楼"), "building");
            buildingIds.push_back(building);
            const auto code = must(store->createEnrollCode(community, building, start + 3600), "code");
            auto e = must(store->enroll(code.code, "lobby", "hash-" + building, start), "enroll");
            terminals.push_back(*e.terminal);
        }
        for (int t = 0; t < 5; ++t)
            must(store->addStaff("tech" + std::to_string(c) + "_" + std::to_string(t), "x",
                                 hq::StaffRole::Technician),
                 "staff");
    }
    hq::StaffUser deskAll{0, "desk", "", hq::StaffRole::Desk, {}, true};
    hq::StaffUser deskOne{0, "desk1", "", hq::StaffRole::Desk, {communityIds[0]}, false};

    // Filing: over 30 days, batches of 100 from one terminal at a time, the real ingest path.
    std::mt19937 rng(7);
    const std::int64_t span = 30 * 24 * 3600;
    const auto fillStart = std::chrono::steady_clock::now();
    int filed = 0;
    std::vector<std::string> numbers;
    numbers.reserve(static_cast<std::size_t>(o.tickets));
    while (filed < o.tickets) {
        const auto& terminal = terminals[rng() % terminals.size()];
        const std::int64_t now = start + span * filed / o.tickets;
        std::vector<protocol::Submission> batch;
        for (int i = 0; i < 100 && filed + i < o.tickets; ++i) {
            const int k = filed + i;
            protocol::Submission s;
            s.client_id = "bench-" + std::to_string(k) + "-abcdefgh";
            s.kind = k % 5 == 4 ? protocol::SubmissionKind::Complaint : protocol::SubmissionKind::Repair;
            s.created_at = now;
            s.payload = {{"category", k % 5 == 4 ? "noise" : "plumbing"},
                         {"location", {{"kind", "home"}, {"building_id", *terminal.building_id},
                                       {"unit", std::to_string(k % 30 + 1) + "-" + std::to_string(k % 6 + 1) + "01"},
                                       {"place_id", ""}}},
                         {"urgency", k % 10 == 0 ? "urgent" : "normal"},
                         {"description", std::string(kWords[k % 10]) + "，请尽快处理。编号" + std::to_string(k)},
                         {"preferred_slot", "any"},
                         {"anonymous", false},
                         {"to_general_manager", false},
                         {"tracking_code", std::to_string(10'000'000 + k)},
                         {"phone", "138" + std::to_string(10'000'000 + k)}};
            batch.push_back(std::move(s));
        }
        auto results = must(store->storeSubmissions(terminal, batch, now), "ingest");
        for (const auto& r : results)
            if (r.ticket_number) numbers.push_back(*r.ticket_number);
        filed += static_cast<int>(batch.size());
    }
    const double fillSeconds = ms(std::chrono::steady_clock::now() - fillStart) / 1000.0;

    // Working: the newest tickets through the workflow, as the desk and technicians would.
    const std::int64_t now = start + span + 3600;
    const auto workStart = std::chrono::steady_clock::now();
    int actions = 0;
    std::string workedNumber;
    for (int i = 0; i < o.worked && i < static_cast<int>(numbers.size()); ++i) {
        const std::string& n = numbers[numbers.size() - 1 - static_cast<std::size_t>(i)];
        const auto d = must(desk.ticket(deskAll, n), "ticket");
        const auto c = std::find(communityIds.begin(), communityIds.end(), d.ticket.community_id) -
                       communityIds.begin();
        const std::string tech = "tech" + std::to_string(c) + "_" + std::to_string(i % 5);
        hq::StaffUser techUser{0, tech, "", hq::StaffRole::Technician, {}, true};
        const hq::DeskActor byDesk{deskAll, "127.0.0.1"}, byTech{techUser, "127.0.0.1"};
        must(desk.act(byDesk, n, {"accept", "已受理"}, now), "accept");
        ++actions;
        if (i % 3 == 2) continue;
        must(desk.act(byDesk, n, {"dispatch", "", tech}, now), "dispatch");
        must(desk.addNote(byTech, n, "已联系住户，约好时间", "internal", now), "note");
        actions += 2;
        if (i % 2) continue;
        must(desk.act(byTech, n, {"start"}, now), "start");
        must(desk.act(byTech, n, {"finish", "已处理完毕"}, now), "finish");
        actions += 2;
        workedNumber = n;
        if (i % 4) continue;
        must(desk.act(byDesk, n, {"close", "", std::nullopt, std::nullopt, "satisfied"}, now),
             "close");
        ++actions;
    }
    const double workSeconds = ms(std::chrono::steady_clock::now() - workStart) / 1000.0;

    // Timing: each query through ticketRoutes, the whole JSON answer.
    struct Query {
        std::string name;
        const hq::StaffUser* user;
        std::map<std::string, std::string> query;
    };
    const std::vector<Query> queries = {
        {"inbox, first page (scope *)", &deskAll, {}},
        {"inbox, one community's desk", &deskOne, {}},
        {"status=open", &deskAll, {{"status", "open"}}},
        {"overdue=1 (most overdue first)", &deskAll, {{"overdue", "1"}}},
        {"building=" + buildingIds[1], &deskAll, {{"building", buildingIds[1]}}},
        {"assignee=tech0_1", &deskAll, {{"assignee", "tech0_1"}}},
        {"status=open&assignee=tech0_1", &deskAll, {{"status", "open"}, {"assignee", "tech0_1"}}},
        {"q=words of the summary", &deskAll, {{"q", "楼道灯"}}},
        {"q=ticket number", &deskAll, {{"q", numbers[numbers.size() / 2]}}},
        {"q=tracking code", &deskAll, {{"q", "10012345"}}},
        {"community + open + overdue, page 3", &deskAll,
         {{"community", communityIds[0]}, {"status", "open"}, {"overdue", "1"}, {"page", "3"}}},
    };
    std::printf("Ticket desk benchmark: %d tickets, %d communities x %d buildings, store %s\n",
                o.tickets, o.communities, o.buildings, path.c_str());
    std::printf("filing through ingest: %.1f s (%.0f tickets/s); workflow: %d actions in %.1f s "
                "(%.1f ms each)\n\n",
                fillSeconds, o.tickets / fillSeconds, actions, workSeconds,
                actions ? workSeconds * 1000 / actions : 0.0);
    std::printf("%-40s %9s %9s %9s %9s %8s\n", "query (GET /console/api/tickets...)", "p50 ms",
                "p95 ms", "max ms", "total", "bytes");
    bool allOk = true;
    double worstP95 = 0;
    for (const auto& q : queries) {
        std::vector<double> times;
        std::string total;
        std::size_t bytes = 0;
        for (int i = 0; i < o.repeat; ++i) {
            hq::ConsoleRequest r{"GET", "/console/api/tickets", q.query, {}, "127.0.0.1", ""};
            hq::ConsoleContext c{*store, desk, r, *q.user, now};
            const auto t0 = std::chrono::steady_clock::now();
            const auto answer = hq::ticketRoutes(c);
            times.push_back(ms(std::chrono::steady_clock::now() - t0));
            if (answer.status != 200) {
                std::fprintf(stderr, "%s: %d %s\n", q.name.c_str(), answer.status, answer.body.c_str());
                allOk = false;
                break;
            }
            bytes = answer.body.size();
            const auto at = answer.body.rfind("\"total\":");
            total = at == std::string::npos ? "?" : answer.body.substr(at + 8, answer.body.find_first_of(",}", at) - at - 8);
        }
        if (times.empty()) continue;
        worstP95 = std::max(worstP95, percentile(times, 0.95));
        std::printf("%-40s %9.2f %9.2f %9.2f %9s %8zu\n", q.name.c_str(), percentile(times, 0.5),
                    percentile(times, 0.95), *std::max_element(times.begin(), times.end()),
                    total.c_str(), bytes);
    }
    // One ticket's page: a different ticket each run, and the most worked one.
    for (const bool worked : {false, true}) {
        std::vector<double> times;
        std::size_t bytes = 0;
        for (int i = 0; i < o.repeat; ++i) {
            const std::string n = worked && !workedNumber.empty()
                                      ? workedNumber
                                      : numbers[rng() % numbers.size()];
            hq::ConsoleRequest r{"GET", "/console/api/tickets/" + n, {}, {}, "127.0.0.1", ""};
            hq::ConsoleContext c{*store, desk, r, deskAll, now};
            const auto t0 = std::chrono::steady_clock::now();
            const auto answer = hq::ticketRoutes(c);
            times.push_back(ms(std::chrono::steady_clock::now() - t0));
            if (answer.status != 200) {
                std::fprintf(stderr, "ticket %s: %d %s\n", n.c_str(), answer.status, answer.body.c_str());
                allOk = false;
            }
            bytes = answer.body.size();
        }
        worstP95 = std::max(worstP95, percentile(times, 0.95));
        std::printf("%-40s %9.2f %9.2f %9.2f %9s %8zu\n",
                    worked ? "GET /tickets/{n} (worked: notes, events)" : "GET /tickets/{n} (random)",
                    percentile(times, 0.5), percentile(times, 0.95),
                    *std::max_element(times.begin(), times.end()), "", bytes);
    }
    std::printf("\nworst p95: %.2f ms (target <= 200 ms): %s\n", worstP95,
                worstP95 <= 200 ? "PASS" : "FAIL");
    return allOk ? 0 : 1;
}
