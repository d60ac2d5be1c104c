// The terminal's sync engine: a push thread (outbox batches, ticket status feed, heartbeat) and
// a notice thread (long-poll), each with its own HTTPS connection. It reads and writes only
// through the Outbox and sink interfaces and reports its state for the footer and sync screen:
// onChange runs (on an engine thread) after new data and whenever that state changes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync/client/http_transport.hpp"
#include "sync/client/outbox.hpp"

namespace homedesk::sync {

struct SyncSettings {
    int batch_size = 50;
    std::chrono::milliseconds backoff_base{1000};
    // After an outage a terminal waits up to the cap before it tries again, so the cap bounds how
    // long the queue stays after the office returns (S2: empty <= 60 s after). 1,000 terminals
    // retrying at random within 30 s is ~35 attempts/s, nothing for a head office.
    std::chrono::milliseconds backoff_cap{std::chrono::seconds(30)};
    std::chrono::milliseconds poll_interval{std::chrono::seconds(30)};  // tickets when idle
    std::chrono::milliseconds heartbeat_interval{std::chrono::seconds(60)};
    int notice_wait_s = 25;
    std::string app_version = "0.1.0";
    std::uint64_t seed = 0;  // 0: from std::random_device
};

struct SyncStatus {
    std::int64_t queued = 0;
    std::optional<std::int64_t> oldest_age_s;
    std::int64_t queue_checked_at = 0;  // unix seconds when queued / oldest_age_s were read
    std::optional<std::int64_t> last_success;  // unix seconds
    std::string last_error;                    // plain words, empty after a success
    std::optional<protocol::ErrorCode> last_error_code;  // with last_error
    bool needs_attention = false;  // credential refused or certificate refused: a person must act
    std::int64_t delivered = 0;
    std::int64_t rejected = 0;
};

using TransportFactory = std::function<std::unique_ptr<HttpTransport>()>;

class SyncEngine {
public:
    SyncEngine(TransportFactory transports, std::string credential, Outbox& outbox,
               TicketStatusSink& tickets, NoticeSink& notices, SyncSettings settings,
               std::function<void()> onChange);
    ~SyncEngine();  // stop()

    // Optional; set before start(). Without it heartbeats carry no display records.
    void setDisplayLog(DisplayLog* log) { m_displays = log; }
    void start();
    void stop();  // interrupts a long-poll; joins both threads
    void wake();  // a submission was committed: push now
    SyncStatus status() const;

private:
    void pushLoop();
    void noticeLoop();
    enum class Round { Idle, Progress, RetryLater, Fatal };
    Round pushOnce(class HqClient& client);
    Round pullTickets(HqClient& client);
    void heartbeat(HqClient& client);
    void noteSuccess();
    void noteFailure(const protocol::ProtocolError& error);
    void updateQueue();
    // Sleeps until `delay` passes, wake() or stop(); false when stopping.
    bool pause(std::chrono::milliseconds delay, bool wakeable);

    TransportFactory m_transports;
    std::string m_credential;
    Outbox& m_outbox;
    TicketStatusSink& m_tickets;
    NoticeSink& m_notices;
    SyncSettings m_settings;
    std::function<void()> m_onChange;
    DisplayLog* m_displays = nullptr;

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopping = false;
    bool m_woken = false;
    SyncStatus m_status;
    int m_batch;
    std::unique_ptr<HttpTransport> m_pushTransport;
    std::unique_ptr<HttpTransport> m_noticeTransport;
    std::thread m_push;
    std::thread m_noticeThread;
};

}  // namespace homedesk::sync
