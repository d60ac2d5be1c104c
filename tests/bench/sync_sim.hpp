// The terminal simulator for the sync benchmark (S1-S3): many terminals in one process, each a
// real SyncEngine (push thread and long-polling notice thread) over its own real CurlTransport
// connections, speaking the real protocol over real TLS to a real homedesk-hq. Requests are
// timed by a transport wrapper; notice arrivals are timed by the notice sink.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sync/client/sync_engine.hpp"
#include "tests/integration/memory_outbox.hpp"

namespace homedesk::bench {

double nowSeconds();  // steady clock

// Request latencies (all but long-polls) while recording is on, and long-polls in flight.
class RequestTimes {
public:
    // `why`: the failure in plain words (empty on success), counted by text.
    void record(const std::string& kind, double seconds, const std::string& why);
    std::map<std::string, int> failureReasons();
    void setRecording(bool on);
    std::vector<double> latencies();  // everything recorded since the last clear
    std::map<std::string, int> counts();
    int failures();
    void clear();
    std::atomic<int> pollsWaiting{0};

private:
    std::mutex m_mutex;
    bool m_recording = false;
    std::vector<double> m_latencies;
    std::map<std::string, int> m_counts;
    int m_failures = 0;
    std::map<std::string, int> m_reasons;
};

// When each notice was published and when each terminal first applied it.
class NoticeArrivals {
public:
    void published(const std::string& id, double at);
    void arrived(const std::string& id, double at);
    std::vector<double> delays(const std::string& id);  // seconds after publishing
    std::size_t count(const std::string& id);

private:
    std::mutex m_mutex;
    std::map<std::string, double> m_published;
    std::map<std::string, std::vector<double>> m_arrived;
};

struct SimTerminal {
    std::string id, credential;
    testing::MemoryOutbox outbox;
    class Sinks;
    std::unique_ptr<Sinks> sinks;
    std::unique_ptr<sync::SyncEngine> engine;
    SimTerminal();
    ~SimTerminal();
};

struct FleetOptions {
    std::string url;      // https://127.0.0.1:port
    std::string ca_file;
    sync::SyncSettings settings;  // the engine's defaults unless a phase says otherwise
};

class Fleet {
public:
    Fleet(FleetOptions options, RequestTimes& times, NoticeArrivals& arrivals);
    ~Fleet();
    // Adds an enrolled terminal; start() runs its engine.
    SimTerminal& add(std::string terminalId, std::string credential);
    void start(SimTerminal& t);
    void startAll(
        double spreadSeconds);  // staggered, like terminals that booted at different times
    void stopAll();
    std::vector<std::unique_ptr<SimTerminal>>& terminals() { return m_terminals; }
    std::int64_t queued();  // items in every outbox

private:
    FleetOptions m_options;
    RequestTimes& m_times;
    NoticeArrivals& m_arrivals;
    std::vector<std::unique_ptr<SimTerminal>> m_terminals;
};

}  // namespace homedesk::bench
