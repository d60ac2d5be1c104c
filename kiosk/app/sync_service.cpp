#include "kiosk/app/sync_service.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include "kiosk/store/sync_adapters.hpp"
#include "kiosk/store/terminal_db.hpp"
#include "sync/client/hq_client.hpp"
#include "sync/client/sync_engine.hpp"

#ifndef HOMEDESK_VERSION
#define HOMEDESK_VERSION "0.0.0"
#endif

namespace homedesk::app {

using protocol::ErrorCode;

namespace {
std::int64_t unixNow() { return static_cast<std::int64_t>(std::time(nullptr)); }
}  // namespace

sync::CurlOptions curlOptions(const HeadOffice& h) {
    sync::CurlOptions o;
    o.base_url = h.url;
    o.tls.ca_file = h.caFile;
    o.tls.public_key = h.publicKey;
    o.connect_timeout = std::chrono::seconds(h.connectTimeoutSeconds);
    o.low_speed_time = std::chrono::seconds(h.stallTimeoutSeconds);
    o.user_agent = std::string("homedesk/") + HOMEDESK_VERSION;
    return o;
}

std::string syncErrorKey(ErrorCode code) {
    switch (code) {
        case ErrorCode::Network: return "sync.error.network";
        case ErrorCode::Timeout: return "sync.error.timeout";
        case ErrorCode::Tls: return "sync.error.certificate";
        case ErrorCode::Unauthorized:
        case ErrorCode::Forbidden: return "sync.error.credential";
        case ErrorCode::RateLimited:
        case ErrorCode::ServerError:
        case ErrorCode::Unavailable: return "sync.error.server";
        case ErrorCode::BadRequest:
        case ErrorCode::NotFound:
        case ErrorCode::Conflict:
        case ErrorCode::PayloadTooLarge:
        case ErrorCode::VersionUnsupported:
        case ErrorCode::BadResponse: return "sync.error.protocol";
    }
    return "sync.error.protocol";
}

std::string enrollErrorKey(ErrorCode code) {
    switch (code) {
        case ErrorCode::Forbidden: return "enroll.error.unknown";  // unknown or expired
        case ErrorCode::Conflict: return "enroll.error.used";
        case ErrorCode::Network:
        case ErrorCode::Timeout: return "enroll.error.unreachable";
        case ErrorCode::Tls: return "enroll.error.certificate";
        case ErrorCode::RateLimited:
        case ErrorCode::ServerError:
        case ErrorCode::Unavailable: return "enroll.error.busy";
        default: return "enroll.error.incompatible";
    }
}

EnrollOutcome enrollTerminal(const Config& config, sync::HttpTransport& transport,
                             const std::string& code) {
    EnrollOutcome out;
    sync::HqClient client(transport);
    auto answer = client.enroll({code, config.headOffice.deviceName, HOMEDESK_VERSION});
    if (!answer.ok()) {
        out.errorKey = enrollErrorKey(answer.error.code);
        out.detail =
            std::string(protocol::wireName(answer.error.code)) + ": " + answer.error.message;
        spdlog::warn("enrollment at {} refused: {}", config.headOffice.url, out.detail);
        return out;
    }
    Enrollment e;
    e.hqUrl = config.headOffice.url;
    e.terminalId = answer.value->terminal_id;
    e.credential = answer.value->credential;
    e.communityId = answer.value->community_id;
    e.communityName = answer.value->community_name;
    e.signingPublicKey = answer.value->signing_public_key;
    e.enrolledAt = unixNow();
    if (auto written = writeEnrollment(config.dataDir, e); !written) {
        // The code is used up at the office; the installer needs a new one once the disk is fixed.
        out.errorKey = "enroll.error.storage";
        out.detail = written.error().where + ": " + written.error().message;
        spdlog::error("enrollment not stored: {}", out.detail);
        return out;
    }
    spdlog::info("enrolled with {} as terminal {} ({})", e.hqUrl, e.terminalId, e.communityName);
    out.enrollment = std::move(e);
    return out;
}

EnrollOutcome enrollTerminal(const Config& config, const std::string& code) {
    auto transport = sync::CurlTransport::create(curlOptions(config.headOffice));
    if (!transport) return {std::nullopt, "enroll.error.certificate", transport.error().message};
    return enrollTerminal(config, *transport.value(), code);
}

namespace {
// Counts the status changes the store took, so the UI knows when tickets it shows may have moved.
class CountingTicketSink final : public sync::TicketStatusSink {
public:
    explicit CountingTicketSink(sync::TicketStatusSink& inner) : m_inner(inner) {}
    Result<std::string> ticketCursor() override { return m_inner.ticketCursor(); }
    Status applyTicketPage(const std::vector<protocol::TicketStatusChange>& changes,
                                 const std::string& cursor) override {
        auto applied = m_inner.applyTicketPage(changes, cursor);
        if (applied) count += static_cast<std::int64_t>(changes.size());
        return applied;
    }
    std::atomic<std::int64_t> count{0};

private:
    sync::TicketStatusSink& m_inner;
};
// Counts the notice changes the store took, so the UI re-reads its notices when they moved.
class CountingNoticeSink final : public sync::NoticeSink {
public:
    explicit CountingNoticeSink(sync::NoticeSink& inner) : m_inner(inner) {}
    Result<std::string> noticeCursor() override { return m_inner.noticeCursor(); }
    Status applyNoticePage(const std::vector<protocol::Notice>& changes,
                           const std::string& cursor) override {
        auto applied = m_inner.applyNoticePage(changes, cursor);
        if (applied) count += static_cast<std::int64_t>(changes.size());
        return applied;
    }
    std::atomic<std::int64_t> count{0};

private:
    sync::NoticeSink& m_inner;
};
}  // namespace

// One engine and what it reads and writes through: a database per engine thread.
struct SyncService::Engine {
    std::unique_ptr<store::TerminalDb> pushDb;    // push thread: outbox, display records
    std::unique_ptr<store::TerminalDb> noticeDb;  // notice thread
    store::StoreOutbox outboxAdapter{pushDb->outbox()};
    store::StoreTicketSink storeTickets{pushDb->outbox()};
    CountingTicketSink ticketSink{storeTickets};
    store::StoreNoticeSink storeNotices{noticeDb->notices()};
    CountingNoticeSink noticeSink{storeNotices};
    store::StoreDisplayLog displayLog{pushDb->notices()};
    std::unique_ptr<sync::SyncEngine> engine;

    Engine(std::unique_ptr<store::TerminalDb> push, std::unique_ptr<store::TerminalDb> notice)
        : pushDb(std::move(push)), noticeDb(std::move(notice)) {}
};

SyncService::SyncService(Config config, Wake wakeUi)
    : m_config(std::move(config)), m_wakeUi(std::move(wakeUi)) {}

Result<std::unique_ptr<SyncService>> SyncService::start(const Config& config, Wake wakeUi) {
    const HeadOffice& h = config.headOffice;
    std::unique_ptr<SyncService> service(new SyncService(config, std::move(wakeUi)));
    if (!h.configured()) return service;
    if (!std::ifstream(h.caFile))
        return ioError("headoffice.ca_file",
                       "cannot read " + h.caFile + " (the head office's CA certificate, PEM)");
    if (auto probe = sync::CurlTransport::create(curlOptions(h)); !probe) return probe.error();
    auto enrollment = readEnrollment(config.dataDir);
    if (!enrollment) return enrollment.error();
    if (*enrollment && (*enrollment)->hqUrl != h.url) {
        spdlog::warn("enrolled with {} but configured for {}: this terminal must enroll again",
                     (*enrollment)->hqUrl, h.url);
        enrollment->reset();
    }
    std::lock_guard lock(service->m_mutex);
    if (*enrollment) {
        service->m_enrollment = **enrollment;
        if (auto started = service->startEngine(**enrollment); !started) return started.error();
    }
    return service;
}

Result<bool> SyncService::startEngine(const Enrollment& enrollment) {
    auto pushDb = store::TerminalDb::openIn(m_config.dataDir);
    if (!pushDb) return pushDb.error();
    auto noticeDb = store::TerminalDb::openIn(m_config.dataDir);
    if (!noticeDb) return noticeDb.error();
    auto e = std::make_unique<Engine>(std::move(pushDb).value(), std::move(noticeDb).value());

    const HeadOffice& h = m_config.headOffice;
    sync::SyncSettings settings;
    settings.backoff_cap = std::chrono::seconds(h.retryMaxSeconds);
    settings.heartbeat_interval = std::chrono::seconds(h.heartbeatSeconds);
    settings.notice_wait_s = h.noticeWaitSeconds;
    settings.app_version = HOMEDESK_VERSION;
    const sync::CurlOptions options = curlOptions(h);
    sync::TransportFactory transports = [options]() -> std::unique_ptr<sync::HttpTransport> {
        auto t = sync::CurlTransport::create(options);  // checked at start: it cannot fail here
        return t ? std::unique_ptr<sync::HttpTransport>(std::move(t).value()) : nullptr;
    };
    e->engine =
        std::make_unique<sync::SyncEngine>(transports, enrollment.credential, e->outboxAdapter,
                                           e->ticketSink, e->noticeSink, settings, m_wakeUi);
    e->engine->setDisplayLog(&e->displayLog);
    e->engine->start();
    m_engine = std::move(e);
    spdlog::info("syncing with {} as terminal {}", h.url, enrollment.terminalId);
    return true;
}

SyncService::~SyncService() {
    std::unique_ptr<Engine> engine;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_enrollTransport) m_enrollTransport->abort();
    }
    if (m_enrollThread.joinable()) m_enrollThread.join();
    {
        std::lock_guard lock(m_mutex);
        engine = std::move(m_engine);
    }
    if (engine) engine->engine->stop();  // joins its threads before the connections close
}

bool SyncService::enrolled() const {
    std::lock_guard lock(m_mutex);
    return m_enrollment.has_value();
}

void SyncService::wake() {
    std::lock_guard lock(m_mutex);
    if (m_engine) m_engine->engine->wake();
}

SyncSnapshot SyncService::snapshot() const {
    SyncSnapshot s;
    std::lock_guard lock(m_mutex);
    s.configured = m_config.headOffice.configured();
    s.hqUrl = m_config.headOffice.url;
    s.enrolled = m_enrollment.has_value();
    if (m_enrollment) s.terminalId = m_enrollment->terminalId;
    if (!m_engineError.empty()) {
        s.failing = true;
        s.lastErrorKey = "sync.error.storage";
        s.lastErrorDetail = m_engineError;
    }
    if (!m_engine) return s;
    const sync::SyncStatus st = m_engine->engine->status();
    s.contacted = st.last_success.has_value();
    s.lastSuccess = st.last_success;
    s.failing = !st.last_error.empty();
    s.needsAttention = st.needs_attention;
    s.queued = st.queued;
    if (st.oldest_age_s) s.oldestQueuedAt = st.queue_checked_at - *st.oldest_age_s;
    if (s.failing) {
        s.lastErrorKey = syncErrorKey(st.last_error_code.value_or(ErrorCode::ServerError));
        s.lastErrorDetail = st.last_error;
    }
    s.delivered = st.delivered;
    s.statusChanges = m_engine->ticketSink.count.load();
    s.noticeChanges = m_engine->noticeSink.count.load();
    return s;
}

void SyncService::enroll(const std::string& code) {
    if (!m_config.headOffice.configured()) return;
    if (m_enrollThread.joinable()) m_enrollThread.join();  // the last attempt has answered
    std::lock_guard lock(m_mutex);
    if (m_stopping || m_enrollment) return;
    m_enrollThread = std::thread([this, code] {
        // A worker thread's top: nothing escapes it (an escaped exception ends the program).
        try {
            enrollOnThisThread(code);
        } catch (const std::exception& e) {
            spdlog::error("enrollment stopped: {}", e.what());
            failEnrollment();
        } catch (...) {
            spdlog::error("enrollment stopped: an unknown exception");
            failEnrollment();
        }
    });
}

void SyncService::failEnrollment() {
    {
        std::lock_guard lock(m_mutex);
        m_enrollTransport.reset();
        m_answer = EnrollAnswer{false, "enroll.error.unreachable"};
    }
    if (m_wakeUi) m_wakeUi();
}

void SyncService::enrollOnThisThread(const std::string& code) {
    {
        sync::HttpTransport* transport = nullptr;
        {
            auto t = sync::CurlTransport::create(curlOptions(m_config.headOffice));
            std::lock_guard lock(m_mutex);
            if (t && !m_stopping) {
                m_enrollTransport = std::move(t).value();
                transport = m_enrollTransport.get();
            }
        }
        EnrollOutcome outcome =
            transport ? enrollTerminal(m_config, *transport, code)
                      : EnrollOutcome{std::nullopt, "enroll.error.unreachable", "stopped"};
        std::unique_ptr<sync::HttpTransport> done;  // closed outside the lock
        {
            std::lock_guard lock(m_mutex);
            done = std::move(m_enrollTransport);
            if (outcome.enrollment && !m_stopping) {
                m_enrollment = *outcome.enrollment;
                if (auto started = startEngine(*outcome.enrollment); !started)
                    m_engineError = started.error().message;
            }
            m_answer = EnrollAnswer{outcome.enrollment.has_value(), outcome.errorKey};
        }
        if (m_wakeUi) m_wakeUi();
    }
}

std::optional<SyncService::EnrollAnswer> SyncService::takeEnrollAnswer() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_answer, std::nullopt);
}

}  // namespace homedesk::app
