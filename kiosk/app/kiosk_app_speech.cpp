// KioskApp's read-aloud words: the frame's summary in the resident's language, for the
// Announcer that decides when to say it.
#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

void KioskApp::readAloud(const KioskView& view) {
    if (!m_announcer) return;  // before the first frame is up
    m_announcer->afterFrame(view, m_tapped.empty() ? nullptr : &m_tapped.back(), [&](bool justOn) {
        // Summaries only read the catalog; nothing here draws or taps.
        std::vector<Intent> noIntents;
        std::vector<std::string> noTaps;
        const Language lang = m_state.settings.language;
        const ui::Ui ui{m_theme, m_text.catalog(lang), *m_fonts, m_widgets, noIntents, noTaps};
        std::string text;
        if (justOn)
            text = ui.t("footer.read_aloud") + " " + ui.t("toggle.on") + ui.t("speech.pause");
        return text + m_frame.summary(ui, view);
    });
}

}  // namespace homedesk::app
