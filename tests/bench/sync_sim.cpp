#include "tests/bench/sync_sim.hpp"

#include <thread>

#include "sync/client/curl_transport.hpp"

namespace homedesk::bench {
namespace {

// The real transport, timed. Long-polls (GET /notices with a wait) are counted while they wait
// but not timed: they are held by design.
class TimedTransport final : public sync::HttpTransport {
public:
    TimedTransport(std::unique_ptr<sync::HttpTransport> real, RequestTimes& times)
        : m_real(std::move(real)), m_times(times) {}
    sync::HttpResult send(const sync::HttpRequest& request) override {
        const bool poll = request.path.find("/notices") != std::string::npos &&
                          request.path.find("wait=0") == std::string::npos;
        if (poll) ++m_times.pollsWaiting;
        const double start = nowSeconds();
        sync::HttpResult r = m_real->send(request);
        const double took = nowSeconds() - start;
        if (poll) --m_times.pollsWaiting;
        std::string why;
        if (!r.ok()) why = r.failure.message.empty() ? "network" : r.failure.message;
        else if (r.response->status >= 400) why = "HTTP " + std::to_string(r.response->status);
        if (!poll) m_times.record(kindOf(request.path), took, why);
        else if (!why.empty()) m_times.record("notices", -1, why);
        return r;
    }
    void abort() override { m_real->abort(); }

private:
    static std::string kindOf(const std::string& path) {
        for (const char* k : {"submissions", "heartbeat", "tickets", "config", "notices"})
            if (path.find(k) != std::string::npos) return k;
        return "other";
    }
    std::unique_ptr<sync::HttpTransport> m_real;
    RequestTimes& m_times;
};

}  // namespace

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void RequestTimes::record(const std::string& kind, double seconds, const std::string& why) {
    std::lock_guard lock(m_mutex);
    if (!m_recording) return;
    if (!why.empty()) {
        ++m_failures;
        ++m_reasons[kind + ": " + why];
    }
    if (seconds < 0) return;
    m_latencies.push_back(seconds);
    ++m_counts[kind];
}
void RequestTimes::setRecording(bool on) {
    std::lock_guard lock(m_mutex);
    m_recording = on;
}
std::vector<double> RequestTimes::latencies() {
    std::lock_guard lock(m_mutex);
    return m_latencies;
}
std::map<std::string, int> RequestTimes::counts() {
    std::lock_guard lock(m_mutex);
    return m_counts;
}
int RequestTimes::failures() {
    std::lock_guard lock(m_mutex);
    return m_failures;
}
std::map<std::string, int> RequestTimes::failureReasons() {
    std::lock_guard lock(m_mutex);
    return m_reasons;
}
void RequestTimes::clear() {
    std::lock_guard lock(m_mutex);
    m_reasons.clear();
    m_latencies.clear();
    m_counts.clear();
    m_failures = 0;
}

void NoticeArrivals::published(const std::string& id, double at) {
    std::lock_guard lock(m_mutex);
    m_published[id] = at;
}
void NoticeArrivals::arrived(const std::string& id, double at) {
    std::lock_guard lock(m_mutex);
    m_arrived[id].push_back(at);
}
std::vector<double> NoticeArrivals::delays(const std::string& id) {
    std::lock_guard lock(m_mutex);
    std::vector<double> out;
    for (double at : m_arrived[id]) out.push_back(at - m_published[id]);
    return out;
}
std::size_t NoticeArrivals::count(const std::string& id) {
    std::lock_guard lock(m_mutex);
    return m_arrived[id].size();
}

// The terminal's feed sinks: cursors kept in memory, notice arrivals timed (first time only).
class SimTerminal::Sinks final : public sync::TicketStatusSink, public sync::NoticeSink {
public:
    explicit Sinks(NoticeArrivals& arrivals) : m_arrivals(arrivals) {}
    Result<std::string> ticketCursor() override {
        std::lock_guard lock(m_mutex);
        return m_ticketCursor;
    }
    Status applyTicketPage(const std::vector<protocol::TicketStatusChange>&,
                                 const std::string& cursor) override {
        std::lock_guard lock(m_mutex);
        m_ticketCursor = cursor;
        return Done{};
    }
    Result<std::string> noticeCursor() override {
        std::lock_guard lock(m_mutex);
        return m_noticeCursor;
    }
    Status applyNoticePage(const std::vector<protocol::Notice>& changes,
                                 const std::string& cursor) override {
        const double at = nowSeconds();
        std::lock_guard lock(m_mutex);
        for (const auto& n : changes)
            if (m_seen.emplace(n.id, n.revision).second) m_arrivals.arrived(n.id, at);
        m_noticeCursor = cursor;
        return Done{};
    }

private:
    NoticeArrivals& m_arrivals;
    std::mutex m_mutex;
    std::string m_ticketCursor, m_noticeCursor;
    std::map<std::string, std::int64_t> m_seen;
};

SimTerminal::SimTerminal() = default;
SimTerminal::~SimTerminal() {
    if (engine) engine->stop();
}

Fleet::Fleet(FleetOptions options, RequestTimes& times, NoticeArrivals& arrivals)
    : m_options(std::move(options)), m_times(times), m_arrivals(arrivals) {}

Fleet::~Fleet() { stopAll(); }

SimTerminal& Fleet::add(std::string terminalId, std::string credential) {
    auto t = std::make_unique<SimTerminal>();
    t->id = std::move(terminalId);
    t->credential = std::move(credential);
    t->sinks = std::make_unique<SimTerminal::Sinks>(m_arrivals);
    m_terminals.push_back(std::move(t));
    return *m_terminals.back();
}

void Fleet::start(SimTerminal& t) {
    sync::SyncSettings settings = m_options.settings;
    settings.seed = std::hash<std::string>{}(t.id) | 1;
    const FleetOptions& o = m_options;
    RequestTimes& times = m_times;
    t.engine = std::make_unique<sync::SyncEngine>(
        [&o, &times]() -> std::unique_ptr<sync::HttpTransport> {
            sync::CurlOptions c;
            c.base_url = o.url;
            c.tls.ca_file = o.ca_file;
            auto real = sync::CurlTransport::create(c);
            if (!real) throw std::runtime_error(real.error().message);
            return std::make_unique<TimedTransport>(std::move(real.value()), times);
        },
        t.credential, t.outbox, *t.sinks, *t.sinks, settings, nullptr);
    t.engine->start();
}

void Fleet::startAll(double spreadSeconds) {
    const double gap =
        m_terminals.empty() ? 0 : spreadSeconds / static_cast<double>(m_terminals.size());
    for (auto& t : m_terminals) {
        if (!t->engine) start(*t);
        std::this_thread::sleep_for(std::chrono::duration<double>(gap));
    }
}

void Fleet::stopAll() {
    // Ask every engine to stop first (interrupting long-polls), then join them one by one.
    for (auto& t : m_terminals)
        if (t->engine) t->engine->stop();
}

std::int64_t Fleet::queued() {
    std::int64_t n = 0;
    for (auto& t : m_terminals) n += static_cast<std::int64_t>(t->outbox.size());
    return n;
}

}  // namespace homedesk::bench
