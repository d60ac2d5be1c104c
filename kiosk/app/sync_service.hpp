// The terminal's link to the head office, owned by KioskApp: the enrollment (on its own thread)
// and, once enrolled, the sync engine with a store::TerminalDb per engine thread (the push
// thread's outbox and display records, the notice thread's notices; the UI thread keeps its own).
// The engine wakes the UI through `wakeUi` (which posts an SDL event); the UI thread then reads
// snapshot() and whatever the store holds.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/app/config.hpp"
#include "kiosk/app/enrollment_file.hpp"
#include "kiosk/app/sync_link.hpp"
#include "base/result.hpp"
#include "kiosk/core/sync_status.hpp"
#include "sync/client/curl_transport.hpp"
#include "sync/protocol/protocol_error.hpp"

namespace homedesk::sync {
class SyncEngine;
class HttpTransport;
}  // namespace homedesk::sync

namespace homedesk::app {

sync::CurlOptions curlOptions(const HeadOffice& headOffice);
// POST /enroll with `code` and, when the head office accepts it, the credential stored in the
// data folder. The same path for the Enroll screen and `homedesk --enroll CODE`.
EnrollOutcome enrollTerminal(const Config& config, sync::HttpTransport& transport,
                             const std::string& code);
EnrollOutcome enrollTerminal(const Config& config, const std::string& code);

// Catalog keys for the engine's and the enrollment's failures, in plain words.
std::string syncErrorKey(protocol::ErrorCode code);
std::string enrollErrorKey(protocol::ErrorCode code);

// Built into libhomedesk_sync.so (with libcurl), not into the program: see sync_link.hpp.
class SyncService final : public SyncLink {
public:
    // Checks the head office's settings and CA file, reads the enrollment, and starts the engine
    // when the terminal is enrolled. Errors here stop start-up (a person must fix them).
    static Result<std::unique_ptr<SyncService>> start(const Config& config, Wake wakeUi);
    ~SyncService() override;  // stops the engine and any enrollment in flight
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    bool enrolled() const override;
    SyncSnapshot snapshot() const override;
    void wake() override;
    void enroll(const std::string& code) override;
    std::optional<EnrollAnswer> takeEnrollAnswer() override;

private:
    SyncService(Config config, Wake wakeUi);
    Result<bool> startEngine(const Enrollment& enrollment);  // under m_mutex
    void enrollOnThisThread(const std::string& code);  // the enrollment thread's work
    void failEnrollment();  // the enrollment thread failed unexpectedly: say so to the UI

    Config m_config;
    Wake m_wakeUi;
    mutable std::mutex m_mutex;
    std::optional<Enrollment> m_enrollment;
    std::optional<EnrollAnswer> m_answer;
    std::string m_engineError;  // the engine could not start (store): shown as a problem
    std::thread m_enrollThread;
    std::unique_ptr<sync::HttpTransport> m_enrollTransport;  // aborted on shutdown
    bool m_stopping = false;

    struct Engine;  // the store connections, their adapters and the engine
    std::unique_ptr<Engine> m_engine;
};

}  // namespace homedesk::app
