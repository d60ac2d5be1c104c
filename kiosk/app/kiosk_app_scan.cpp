// KioskApp's side of scanning: the scanner runs while the scan screen (or the enrollment form)
// is open; what it read arrives as an SDL event and goes into the state as intent::Scan.
#include <SDL2/SDL.h>

#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

void KioskApp::startScanner() {
    m_scanEvent = SDL_RegisterEvents(1);
    if (m_scanEvent == static_cast<std::uint32_t>(-1)) m_scanEvent = 0;
    const std::uint32_t type = m_scanEvent;
    // Runs on the scanner's thread: posts one wake-up at a time, never touches UI state.
    auto wake = [this, type] {
        if (type == 0 || m_scanWakePosted.exchange(true)) return;
        SDL_Event e{};
        e.type = type;
        if (SDL_PushEvent(&e) != 1) m_scanWakePosted = false;
    };
    m_scan = std::make_unique<ScanService>(
        ScanService::Options{m_options.scanFrames, m_config.dataDir, m_config.site.ticketUrl},
        wake);
}

void KioskApp::updateScanner() {
    if (!m_scan) return;
    const ScreenId screen = m_state.screen();
    m_scan->setActive(!m_state.idleShow.showing() &&
                      (screen == ScreenId::Scan || screen == ScreenId::Enroll));
}

void KioskApp::onScanWake() {
    m_scanWakePosted = false;  // before taking: anything newer posts again
    std::vector<intent::Scan> read = m_scan->take(wallNow());
    // A frame read just before the scan screen closed (the thread stops at the next frame) is
    // not a scan on the screen that followed it: a repair the card started must not restart.
    const ScreenId screen = m_state.screen();
    if (screen != ScreenId::Scan && screen != ScreenId::Enroll) read.clear();
    if (!read.empty()) m_session.touch(m_clock->now());  // a code held up is someone using it
    for (auto& r : read) m_typed.push_back(std::move(r));
    if (m_state.screen() == ScreenId::Scan || !read.empty())
        m_pendingFrames = std::max(m_pendingFrames, 1);
}

// The typed characters reach the field as they come (a person sees them at once); the detector
// only watches. When a burst ends in Enter it was a scanner: the code goes to the scan screen,
// which takes over from whatever field the burst was typed into (Back restores that draft).
void KioskApp::watchWedge(const SDL_Event& e) {
    if (!m_scan) return;
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_clock->now().time_since_epoch())
            .count();
    if (e.type == SDL_TEXTINPUT) {
        (void)m_scan->wedge().key(e.text.text, ms);
        return;
    }
    if (e.type != SDL_KEYDOWN || e.key.keysym.scancode != SDL_SCANCODE_RETURN) return;
    platform::WedgeDetector::Out out = m_scan->wedge().enter(ms);
    if (!out.scanned) return;
    m_typed.push_back(m_scan->classified(*out.scanned, wallNow()));
    m_pendingFrames = std::max(m_pendingFrames, 1);
}

}  // namespace homedesk::app
