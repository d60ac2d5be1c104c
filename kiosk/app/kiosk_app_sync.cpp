// KioskApp's side of the head office: starting the sync service, the enrollment form on first
// start, and what the UI re-reads when the engine wakes it (its state, the receipt's delivery).
#include <SDL2/SDL.h>
#include <spdlog/spdlog.h>

#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

Result<bool> KioskApp::startSync() {
    m_syncEvent = SDL_RegisterEvents(1);
    if (m_syncEvent == static_cast<std::uint32_t>(-1)) m_syncEvent = 0;
    const std::uint32_t type = m_syncEvent;
    // Runs on the engine's threads: posts one wake-up at a time, never touches UI state.
    auto wake = [this, type] {
        if (type == 0 || m_syncWakePosted.exchange(true)) return;
        SDL_Event e{};
        e.type = type;
        if (SDL_PushEvent(&e) != 1) m_syncWakePosted = false;
    };
    auto sync = startSyncLink(m_config, wake);
    if (!sync) return sync.error();
    m_sync = std::move(sync).value();
    if (m_config.headOffice.configured() && !m_sync->enrolled()) {
        spdlog::info("not enrolled with {}: showing the enrollment screen",
                     m_config.headOffice.url);
        requireEnrollment(m_state);
    }
    m_syncView = m_sync->snapshot();
    return true;
}

void KioskApp::onSyncWake() {
    m_syncWakePosted = false;  // before reading: a change from now on posts again
    const SyncSnapshot before = std::exchange(m_syncView, m_sync->snapshot());
    // Only what shows asks for a frame: the footer's words, or anything on the Sync screen (an
    // offline terminal's retries change the error's details and nothing else).
    bool redraw = syncLight(before) != syncLight(m_syncView) ||
                  before.queued != m_syncView.queued || m_state.screen() == ScreenId::Sync;
    // New notices from the head office: the store has them; the screens get them re-read.
    if (m_syncView.noticeChanges != before.noticeChanges) reloadNotices();
    if (auto answer = m_sync->takeEnrollAnswer()) {
        if (answer->ok) spdlog::info("enrolled: Home");
        if (enrollmentFinished(m_state, answer->ok, answer->errorKey).any())
            m_session.touch(m_clock->now());
        redraw = true;
    }
    // A receipt on screen (any flow's) says "reached the head office" as soon as it has.
    for (Flow* f : m_state.openFlows()) {
        const Receipt* receipt = f->receipt();
        if (!receipt || receipt->delivered || !m_db) continue;
        auto delivered = m_db->tickets().delivered(receipt->clientId);
        if (delivered && delivered.value()) {
            spdlog::info("{} {} reached the head office", screenName(f->screen()),
                         receipt->clientId);
            f->delivered();
            redraw = true;
        } else if (!delivered) {
            spdlog::warn("receipt delivery: {}", delivered.error().message);
        }
    }
    if (redraw) m_pendingFrames = std::max(m_pendingFrames, 1);
}

bool KioskApp::fact(std::string_view name) const {
    const SyncLight light = syncLight(m_syncView);
    if (name.rfind("sync.queued.", 0) == 0)
        return std::to_string(m_syncView.queued) == name.substr(12);
    if (name.rfind("sync.", 0) == 0) return syncLightName(light) == name.substr(5);
    if (name == "receipt.delivered") {
        for (const Flow* f : m_state.openFlows())
            if (f->receipt() && f->receipt()->delivered) return true;
        return false;
    }
    if (name == "tickets.updated") return m_syncView.statusChanges > 0;
    if (name == "notices.updated") return m_syncView.noticeChanges > 0;
    if (name == "enroll.failed")
        return m_state.enroll && m_state.enroll->phase() == EnrollForm::Phase::Failed;
    if (name.rfind("screen.", 0) == 0) return screenName(m_state.screen()) == name.substr(7);
    if (name.rfind("scan.", 0) == 0) {  // scan.<step> of the scan screen: "scan.result"
        const auto* scan = m_state.flow<ScanFlow>();
        return scan && scan->stepName() == name.substr(5);
    }
    return false;
}

}  // namespace homedesk::app
