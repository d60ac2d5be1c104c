// What the app sees of its head-office link. The link itself (SyncService: the enrollment and
// the sync engine, with libcurl and its ~25 libraries) is built as libhomedesk_sync.so, which
// startSyncLink loads only when a head office is configured: a terminal on its own never maps it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/enrollment_file.hpp"
#include "kiosk/core/sync_status.hpp"

namespace homedesk::app {

// What enrolling ended with: the record to keep, or why not (a catalog key and the detail).
struct EnrollOutcome {
    std::optional<Enrollment> enrollment;
    std::string errorKey;
    std::string detail;
};

class SyncLink {
  public:
    using Wake = std::function<void()>;
    struct EnrollAnswer {
        bool ok = false;
        std::string errorKey;
    };
    virtual ~SyncLink() = default;

    virtual bool enrolled() const = 0;
    virtual SyncSnapshot snapshot() const = 0;
    virtual void wake() = 0;  // a submission was committed: push it now
    // Sends the code on the enrollment thread; the answer comes with a wake-up.
    virtual void enroll(const std::string& code) = 0;
    virtual std::optional<EnrollAnswer> takeEnrollAnswer() = 0;
};

// No head office: a link that says so. Otherwise loads the library and starts SyncService
// (errors there stop start-up: a person must fix them).
Result<std::unique_ptr<SyncLink>> startSyncLink(const Config& config, SyncLink::Wake wakeUi);
// `homedesk --enroll CODE`: the library's enrollTerminal.
EnrollOutcome enrollWithHeadOffice(const Config& config, const std::string& code);

// The library's entry points (sync_module.cpp), found by these names (sync_loader.cpp). Both
// sides are built together, so C++ types pass between them; no exception does.
inline constexpr const char* kSyncLibrary = "libhomedesk_sync.so";
using SyncStartFn = Result<std::unique_ptr<SyncLink>> (*)(const Config&, SyncLink::Wake);
using SyncEnrollFn = EnrollOutcome (*)(const Config&, const std::string&);
inline constexpr const char* kSyncStartSymbol = "homedesk_sync_start";
inline constexpr const char* kSyncEnrollSymbol = "homedesk_sync_enroll";

}  // namespace homedesk::app
