// KioskApp's side of the automation: running the script driver's steps and writing what a
// screenshot showed (screen, settings, flow step, widgets) beside each PNG.
#include <spdlog/spdlog.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

void KioskApp::writeShotInfo(const std::string& path) const {
    nlohmann::json j;
    j["screen"] = screenName(m_state.screen());
    j["language"] = languageCode(m_state.settings.language);
    j["large_text"] = m_state.settings.largeText;
    j["high_contrast"] = m_config.highContrast;
    j["read_aloud"] = m_state.settings.readAloud;
    j["prompting"] = m_session.prompting();
    int width = 0, height = 0;
    m_window->size(width, height);
    j["width"] = width;
    j["height"] = height;
    j["min_target_px"] = m_theme.minTargetPx;
    j["px_per_mm"] = m_theme.options.pxPerMm;
    j["body_px"] = m_theme.bodyPx;
    j["atlas_bytes"] = m_fonts->textureBytes();
    j["atlas_glyphs"] = m_fonts->glyphCount();
    std::vector<std::string> missing;
    for (char32_t cp : m_fonts->missing()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        missing.push_back(buf);
    }
    j["missing_glyphs"] = missing;
    j["spoken"] = m_spoken;
    j["entry"] = m_state.entry;
    j["entry_error"] = m_state.entryError;
    if (m_state.repair) {
        j["repair_step"] = stepName(m_state.repair->step());
        j["flow_error"] = m_state.repair->lastError();
        if (const auto& r = m_state.repair->receipt()) {
            j["receipt_code"] = r->trackingCode;
            j["receipt_delivered"] = r->delivered;
        }
    }
    j["sync"] = {{"state", syncLightName(syncLight(m_syncView))},
                 {"queued", m_syncView.queued},
                 {"enrolled", m_syncView.enrolled},
                 {"terminal_id", m_syncView.terminalId},
                 {"last_error", m_syncView.lastErrorKey}};
    if (m_state.enroll) {
        const char* phases[] = {"typing", "working", "failed"};
        j["enroll"] = {{"sent", m_state.enroll->code()},
                       {"phase", phases[static_cast<int>(m_state.enroll->phase())]},
                       {"error", m_state.enroll->errorKey()}};
    }
    if (m_state.complaint) {
        j["complaint_step"] = stepName(m_state.complaint->step());
        j["flow_error"] = m_state.complaint->lastError();
        if (const auto& r = m_state.complaint->receipt()) j["receipt_code"] = r->trackingCode;
    }
    if (m_state.survey) {
        j["survey_step"] = stepName(m_state.survey->step());
        if (const SurveyDimension* d = m_state.survey->dimension()) j["survey_dimension"] = d->id;
        j["flow_error"] = m_state.survey->lastError();
    }
    if (m_state.track) {
        j["track_step"] = stepName(m_state.track->step());
        j["flow_error"] = m_state.track->lastError();
        if (const auto& t = m_state.track->ticket()) j["track_status"] = toString(t->status);
    }
    if (m_state.noticesFlow) {
        j["notice_open"] = m_state.noticesFlow->openId();
        j["notice_filter"] = m_state.noticesFlow->filter() ? toString(*m_state.noticesFlow->filter()) : "all";
        j["notice_page"] = m_state.noticesFlow->page();
    }
    const auto mode = m_state.idleShow.mode();
    j["idle_show"] = mode == IdleShow::Mode::Takeover ? "takeover" : mode == IdleShow::Mode::Attract ? "attract" : "off";
    j["idle_show_notice"] = m_state.idleShow.noticeId();
    j["notices_current"] = currentNotices(m_state.notices, wallNow()).size();
    auto& widgets = j["widgets"] = nlohmann::json::array();
    for (const auto& w : m_widgets.widgets())
        widgets.push_back({{"id", w.id}, {"label", w.label}, {"x", w.rect.x}, {"y", w.rect.y},
                           {"w", w.rect.w}, {"h", w.rect.h}});
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
            drawFrame(&step.text);
            spdlog::info("screenshot {}/{}.png", m_options.screenshotDir, step.text);
            // Writing the PNG is the harness's time, not a resident standing idle: on a loaded
            // machine it would otherwise bring up "still there?" between two scripted taps.
            if (m_session.phase() == IdleSession::Phase::Active) m_session.touch(m_clock->now());
            break;
        case ScriptDriver::Step::Kind::Quit: m_quit = true; break;
        case ScriptDriver::Step::Kind::Fail:
            spdlog::error("{}", step.text);
            m_exitCode = 3;
            m_quit = true;
            break;
    }
}

}  // namespace homedesk::app
