// KioskApp's read-aloud: what is spoken after each frame.
#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

// With read-aloud on, a tapped button says its label; a new screen, the prompt or a change of
// language says what the screen shows. Turning read-aloud off silences it at once.
void KioskApp::readAloud(const KioskView& view) {
    const bool on = m_state.settings.readAloud;
    const Language lang = m_state.settings.language;
    const bool justOn = on && !m_announcedReadAloud;
    // Within a flow each step is a new question: it is announced like a new screen.
    std::string step = view.state.repair ? std::string(stepName(view.state.repair->step())) : "";
    if (view.state.track) step = "track." + std::string(stepName(view.state.track->step())) + view.state.track->lastError();
    if (view.state.noticesFlow) step = "notices." + view.state.noticesFlow->openId();
    if (view.state.idleShow.showing()) step = "show." + view.state.idleShow.noticeId();
    const bool changed = justOn || view.state.screen() != m_announcedScreen || step != m_announcedStep ||
                         view.prompting != m_announcedPrompt || lang != m_announcedLanguage;
    m_announcedStep = step;
    if (!on && m_announcedReadAloud) m_speech->stop();
    m_announcedScreen = view.state.screen();
    m_announcedPrompt = view.prompting;
    m_announcedLanguage = lang;
    m_announcedReadAloud = on;
    if (!on || (!changed && m_tapped.empty())) return;

    // Summaries only read the catalog; nothing here draws or taps.
    std::vector<Intent> noIntents;
    std::vector<std::string> noTaps;
    const ui::Ui ui{m_theme, m_text.catalog(lang), *m_fonts, m_widgets, noIntents, noTaps};
    std::string text;
    if (justOn) text = ui.t("footer.read_aloud") + " " + ui.t("toggle.on") + ui.t("speech.pause");
    text += changed ? m_frame.summary(ui, view) : m_tapped.back();
    m_speech->say(text, lang == Language::Chinese ? platform::Voice::Mandarin : platform::Voice::English);
    m_spoken.push_back(text);
    if (m_spoken.size() > 8) m_spoken.pop_front();
}

}  // namespace homedesk::app
