// libhomedesk_sync.so's two entry points: the only names it exports. Nothing thrown inside
// leaves through them.
#include <spdlog/spdlog.h>

#include <exception>

#include "kiosk/app/module_entry.hpp"
#include "kiosk/app/sync_link.hpp"
#include "kiosk/app/sync_service.hpp"

using homedesk::Result;
using homedesk::app::Config;
using homedesk::app::EnrollOutcome;
using homedesk::app::SyncLink;

extern "C" __attribute__((visibility("default"))) Result<std::unique_ptr<SyncLink>>
homedesk_sync_start(const Config& config, SyncLink::Wake wakeUi) {
    return homedesk::app::catchAll("sync.start", [&]() -> Result<std::unique_ptr<SyncLink>> {
        auto service = homedesk::app::SyncService::start(config, std::move(wakeUi));
        if (!service) return service.error();
        return std::unique_ptr<SyncLink>(std::move(service).value());
    });
}

extern "C" __attribute__((visibility("default"))) EnrollOutcome homedesk_sync_enroll(
    const Config& config, const std::string& code) {
    try {
        return homedesk::app::enrollTerminal(config, code);
    } catch (const std::exception& e) {
        spdlog::error("enrollment: {}", e.what());
    } catch (...) {
        spdlog::error("enrollment: unknown exception");
    }
    return {std::nullopt, "enroll.error.incompatible", "internal error"};
}
