// homedesk-sync-bench: quality.md's S1-S3 with simulated terminals (tests/bench/sync_sim.hpp)
// against the real homedesk-hq binary over real TLS on 127.0.0.1. Prints one table; figures
// never fail the run. `bash tests/bench/sync.sh` builds and runs it (see BENCHMARKS.md).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <thread>

#include "sync/client/curl_transport.hpp"
#include "sync/client/hq_client.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "tests/bench/process.hpp"
#include "tests/bench/sync_sim.hpp"
#include "tests/bench/table.hpp"
#include "tests/integration/loopback_hq.hpp"
#include "tests/integration/test_pki.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;
using namespace homedesk::bench;
using namespace std::chrono_literals;

namespace {

struct Options {
    int terminals = 1000;
    int hqThreads = 4;  // worker threads for handlers (the event-driven server needs few)
    int notices = 5;
    int window = 60;
    int drain = 10000;
    int outage = 60;
    int outageItems = 10;  // per terminal
    int hqKeepAlive = 0;   // 0: homedesk-hq's default
};

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
}

bool accepting(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

template <typename F>
bool waitUntil(F done, double limitSeconds) {
    const double end = nowSeconds() + limitSeconds;
    while (!done()) {
        if (nowSeconds() > end) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

class Office {
public:
    Office(std::vector<std::string> argv, std::string log, int port)
        : m_argv(std::move(argv)), m_log(std::move(log)), m_port(port) {}
    void start() {
        m_process = std::make_unique<Process>(m_argv, m_log);
        if (!waitUntil([&] { return accepting(m_port); }, 30))
            throw std::runtime_error("homedesk-hq did not start; see " + m_log);
    }
    void stop() {
        if (!m_process) return;
        ::kill(m_process->pid(), SIGTERM);
        m_process->wait();
        m_process.reset();
    }
    double cpu() const { return m_process ? m_process->cpuSecondsSoFar() : 0; }

private:
    std::vector<std::string> m_argv;
    std::string m_log;
    int m_port;
    std::unique_ptr<Process> m_process;
};

protocol::Submission item(const std::string& prefix, int n) {
    protocol::Submission s;
    s.client_id = prefix + "-" + std::to_string(100000 + n);
    s.kind = protocol::SubmissionKind::Repair;
    s.created_at = unixNow();
    s.payload = {{"category", "elevator"}, {"location", "3号楼 电梯 2号"}, {"note", "按钮失灵"}};
    return s;
}

void stopInParallel(Fleet& fleet) {
    std::vector<std::thread> stoppers;
    for (auto& t : fleet.terminals())
        if (t->engine) stoppers.emplace_back([&t] { t->engine->stop(); });
    for (auto& s : stoppers) s.join();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"S1-S3: simulated terminals against homedesk-hq over loopback TLS"};
    Options o;
    app.add_option("--terminals", o.terminals, "simulated terminals")->capture_default_str();
    app.add_option("--hq-threads", o.hqThreads, "homedesk-hq serve --threads (handler workers)")
        ->capture_default_str();
    app.add_option("--hq-keep-alive", o.hqKeepAlive,
                   "homedesk-hq serve --keep-alive (0: its default)");
    app.add_option("--notices", o.notices, "notices published for S1")->capture_default_str();
    app.add_option("--window", o.window, "seconds of steady load measured for S3")
        ->capture_default_str();
    app.add_option("--drain", o.drain, "submissions queued on one terminal for S2")
        ->capture_default_str();
    app.add_option("--outage", o.outage, "seconds the office is down for S2")
        ->capture_default_str();
    app.add_option("--outage-items", o.outageItems, "items each terminal queues during the outage")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    ::signal(SIGPIPE, SIG_IGN);

    testing::TempDir dir;
    testing::TestPki pki(dir.path().string());
    const auto cert = pki.server("hq", {"IP:127.0.0.1"});
    const std::string db = dir.file("hq.db");
    auto store = std::move(hq::SqliteHqStore::open(db).value());
    const std::string community = store->addCommunity("阳光花园").value();
    const int port = testing::freeLoopbackPort();
    const std::string url = "https://127.0.0.1:" + std::to_string(port);
    std::vector<std::string> serve{HOMEDESK_HQ_BINARY,
                                   "--db",
                                   db,
                                   "serve",
                                   "--port",
                                   std::to_string(port),
                                   "--cert",
                                   cert.cert_file,
                                   "--key",
                                   cert.key_file,
                                   "--threads",
                                   std::to_string(o.hqThreads)};
    if (o.hqKeepAlive > 0) {
        serve.push_back("--keep-alive");
        serve.push_back(std::to_string(o.hqKeepAlive));
    }
    Office office(serve, dir.file("hq.log"), port);
    office.start();
    Table table;
    table.info("setup", "terminals / hq threads / hq keep-alive / machine cores",
               fmt("%d / %d / %s / %u", o.terminals, o.hqThreads,
                   o.hqKeepAlive > 0 ? fmt("%d s", o.hqKeepAlive).c_str() : "default",
                   std::thread::hardware_concurrency()));

    // Enroll every terminal (and one more for the drain) over TLS, a few at a time.
    const int total = o.terminals + 1;
    std::vector<protocol::EnrollResponse> enrolled(static_cast<std::size_t>(total));
    const double enrollStart = nowSeconds();
    {
        std::atomic<int> next{0}, failed{0};
        std::vector<std::thread> workers;
        for (int w = 0; w < 8; ++w)
            workers.emplace_back([&] {
                sync::CurlOptions c;
                c.base_url = url;
                c.tls.ca_file = pki.caFile();
                auto transport = std::move(sync::CurlTransport::create(c).value());
                sync::HqClient client(*transport);
                for (int i; (i = next++) < total;) {
                    auto code = store->createEnrollCode(community, std::nullopt, unixNow() + 3600);
                    sync::ApiResult<protocol::EnrollResponse> r;
                    if (code) r = client.enroll({code->code, "sim-" + std::to_string(i), "bench"});
                    if (r.ok()) enrolled[static_cast<std::size_t>(i)] = *r.value;
                    else if (++failed == 1)
                        std::fprintf(stderr, "enroll: %s %s\n",
                                     code ? "" : code.error().message.c_str(),
                                     r.error.message.c_str());
                }
            });
        for (auto& w : workers) w.join();
        if (failed > 0) {
            std::fprintf(stderr, "%d enrollments failed\n", failed.load());
            return 1;
        }
    }
    table.info("setup", "enrollments/s (8 at a time)",
               fmt("%.0f", total / (nowSeconds() - enrollStart)));

    RequestTimes times;
    NoticeArrivals arrivals;
    FleetOptions fo{url, pki.caFile(), {}};
    Fleet fleet(fo, times, arrivals);
    for (int i = 0; i < o.terminals; ++i)
        fleet.add(enrolled[static_cast<std::size_t>(i)].terminal_id,
                  enrolled[static_cast<std::size_t>(i)].credential);
    const double connectStart = nowSeconds();
    // Spread over the ticket poll interval, as terminals that booted at different times.
    fleet.startAll(std::min(30.0, o.terminals / 33.0));
    const bool allWaiting = waitUntil([&] { return times.pollsWaiting >= o.terminals; }, 120);
    table.info("setup", "all terminals long-polling after start", allWaiting
               ? fmt("%.1f s", nowSeconds() - connectStart)
               : fmt("only %d after 120 s", times.pollsWaiting.load()));

    std::fprintf(stderr, "sync bench: %d terminals connected; S1...\n", o.terminals);
    // S1: notices to every terminal; the time from publish to each terminal's sink.
    std::vector<double> delays;
    int missing = 0;
    for (int k = 0; k < o.notices; ++k) {
        waitUntil([&] { return times.pollsWaiting >= o.terminals; }, 30);
        hq::NoticeDraft draft;
        draft.title = "停水通知 " + std::to_string(k + 1);
        draft.body = "明日 9:00-12:00 停水";
        draft.publish_at = unixNow();
        draft.targets = {{hq::TargetKind::All, ""}};
        const double at = nowSeconds();
        const std::string id = store->publishNotice(draft, draft.publish_at).value();
        arrivals.published(id, at);
        waitUntil([&] { return arrivals.count(id) >= static_cast<std::size_t>(o.terminals); }, 30);
        auto d = arrivals.delays(id);
        missing += o.terminals - static_cast<int>(d.size());
        delays.insert(delays.end(), d.begin(), d.end());
        std::this_thread::sleep_for(2s);
    }
    const double p95 = percentile(delays, 0.95);
    table.info(
        "S1",
        fmt("publish -> terminal, p50 / max (%d notices x %d terminals)", o.notices, o.terminals),
        fmt("%.2f s / %.2f s", percentile(delays, 0.5),
            delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end())));
    table.check("S1", "publish -> terminal, p95", fmt("%.2f s", p95), "<= 3 s",
                missing == 0 && p95 <= 3.0);
    table.info("S1", "deliveries missing after 30 s", fmt("%d", missing));

    std::fprintf(stderr, "sync bench: S3 steady load for %d s...\n", o.window);
    // S3: steady load (heartbeats, ticket polls, long-polls at the engine's default intervals).
    times.clear();
    times.setRecording(true);
    const double cpu0 = office.cpu(), t0 = nowSeconds();
    std::this_thread::sleep_for(std::chrono::seconds(o.window));
    const double cpu1 = office.cpu(), t1 = nowSeconds();
    times.setRecording(false);
    const auto lat = times.latencies();
    const double cpuPct = (cpu1 - cpu0) / (t1 - t0) * 100;
    std::string mix;
    for (const auto& [kind, n] : times.counts())
        mix += fmt("%s %.1f/s ", kind.c_str(), n / (t1 - t0));
    table.info("S3", fmt("steady load over %d s: requests (long-polls not counted)", o.window),
               mix);
    table.check("S3", "head office CPU, % of one core", fmt("%.1f %%", cpuPct), "<= 25 %",
                cpuPct <= 25);
    table.check("S3", "request latency p99 (p50)",
                fmt("%.1f ms (%.1f ms)", percentile(lat, 0.99) * 1000, percentile(lat, 0.5) * 1000),
                "<= 50 ms", !lat.empty() && percentile(lat, 0.99) <= 0.050);
    table.info("S3", "failed requests in the window", fmt("%d", times.failures()));
    for (const auto& [why, n] : times.failureReasons()) table.info("S3", "  " + why, fmt("%d", n));

    std::fprintf(stderr, "sync bench: S2 drain of %d...\n", o.drain);
    // S2 and ingest: one terminal drains a 10,000-item queue in batches of 50.
    {
        Fleet single(fo, times, arrivals);
        auto& t = single.add(enrolled.back().terminal_id, enrolled.back().credential);
        for (int i = 0; i < o.drain; ++i) t.outbox.add(item("drain", i));
        const double c0 = office.cpu(), s0 = nowSeconds();
        single.start(t);
        waitUntil([&] { return t.outbox.size() == 0; }, 600);
        const double took = nowSeconds() - s0;
        t.engine->stop();
        table.check("S2", fmt("%d queued submissions drain (1 terminal, batches of 50)", o.drain),
                    fmt("%.1f s", took), "<= 30 s", t.outbox.size() == 0 && took <= 30);
        table.check("S3", "ingest (that drain), submissions/s", fmt("%.0f /s", o.drain / took),
                    ">= 1000 /s", o.drain / took >= 1000);
        table.info("S3", "  head office CPU during the drain",
                   fmt("%.0f %% of one core", (office.cpu() - c0) / took * 100));
    }

    std::fprintf(stderr, "sync bench: S2 outage of %d s...\n", o.outage);
    // S2 after an outage: the office stops, every terminal queues, the office comes back.
    office.stop();
    const int outageQueued = o.outageItems * o.terminals;
    {
        int n = 0;
        for (auto& t : fleet.terminals()) {
            for (int k = 0; k < o.outageItems; ++k) t->outbox.add(item("out-" + t->id, n++));
            t->engine->wake();
        }
    }
    std::this_thread::sleep_for(std::chrono::seconds(o.outage));
    office.start();
    const double back = nowSeconds();
    const bool emptied = waitUntil([&] { return fleet.queued() == 0; }, 600);
    const double after = nowSeconds() - back;
    table.check("S2",
                fmt("queue (%d items on %d terminals) empty after a %d s outage", outageQueued,
                    o.terminals, o.outage),
                emptied ? fmt("%.1f s after return", after)
                        : fmt("%lld left after 600 s", static_cast<long long>(fleet.queued())),
                "<= 60 s", emptied && after <= 60);

    office.stop();  // releases the long-polls at once
    stopInParallel(fleet);
    table.print(stdout);
    return 0;
}
