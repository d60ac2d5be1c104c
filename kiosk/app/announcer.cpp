// When read-aloud speaks, and keeping what it said for the automation.
#include "kiosk/app/announcer.hpp"

namespace homedesk::app {

void Announcer::afterFrame(const KioskView& view, const std::string* tapped,
                           const std::function<std::string(bool justOn)>& summary) {
    const bool on = view.state.settings.readAloud;
    const Language lang = view.state.settings.language;
    const bool justOn = on && !m_on;
    // Within a flow each step is a new question: it is announced like a new screen.
    std::string step;
    for (const Flow* f : view.state.openFlows())
        step += std::string(screenName(f->screen())) + "." + f->announceKey() + "|";
    if (view.state.idleShow.showing()) step = "show." + view.state.idleShow.noticeId();
    const bool refused = !view.state.entryError.empty() && view.state.entryError != m_entryError;
    const bool changed = justOn || view.state.screen() != m_screen || step != m_step ||
                         view.prompting != m_prompt || lang != m_language || refused;
    m_entryError = view.state.entryError;
    if (!on && m_on) m_speech->stop();
    m_step = step;
    m_screen = view.state.screen();
    m_prompt = view.prompting;
    m_language = lang;
    m_on = on;
    if (!on || (!changed && !tapped)) return;

    const std::string text = changed ? summary(justOn) : *tapped;
    m_speech->say(text,
                  lang == Language::Chinese ? platform::Voice::Mandarin : platform::Voice::English);
    m_spoken.push_back(text);
    if (m_spoken.size() > 8) m_spoken.pop_front();
}

}  // namespace homedesk::app
