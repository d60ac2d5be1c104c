// KioskApp's side of the automation: running the script driver's steps and writing the
// screenshot report (shot_info.*) beside each PNG.
#include <spdlog/spdlog.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/shot_info.hpp"

namespace homedesk::app {

namespace {
const std::deque<std::string> kNothingSpoken;  // before read-aloud starts
}  // namespace

void KioskApp::writeShotInfo(const std::string& path) const {
    int width = 0, height = 0;
    m_window->size(width, height);
    const nlohmann::json j =
        shotInfo({m_state, m_config.highContrast, m_session.prompting(), m_stats.frameFaults, width,
                  height, m_theme, *m_fonts, m_announcer ? m_announcer->spoken() : kNothingSpoken,
                  m_syncView, m_widgets, wallNow()});
    std::ofstream out(path);
    out << j.dump(2) << "\n";
    if (!out) spdlog::error("{}: cannot write the widget list", path);
}

void KioskApp::runDriver(TimePoint now) {
    int width = 0, height = 0;
    m_window->size(width, height);
    const auto step = m_driver->step(now, m_widgets, screenName(m_state.screen()), width, height);
    switch (step.kind) {
        case ScriptDriver::Step::Kind::None: break;
        case ScriptDriver::Step::Kind::Shot:
            guardedFrame(&step.text);
            spdlog::info("screenshot {}/{}.png", m_options.screenshotDir, step.text);
            // Writing the PNG is the harness's time, not a resident standing idle: on a loaded
            // machine it would otherwise bring up "still there?" between two scripted taps.
            if (m_session.phase() == IdleSession::Phase::Active) m_session.touch(m_clock->now());
            break;
        case ScriptDriver::Step::Kind::Quit: m_quit = true; break;
        case ScriptDriver::Step::Kind::Fault:
            m_faultNextFrame = true;
            m_pendingFrames = std::max(m_pendingFrames, 1);
            break;
        case ScriptDriver::Step::Kind::Fail:
            spdlog::error("{}", step.text);
            m_exitCode = 3;
            m_quit = true;
            break;
    }
}

}  // namespace homedesk::app
