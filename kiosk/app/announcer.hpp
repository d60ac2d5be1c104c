// Read-aloud after each frame: decides when something is said (a new screen or flow step, the
// prompt, a change of language, a tapped button) and says it; turning read-aloud off silences
// it at once. What the words are is the caller's (it knows the catalog and the screens).
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/kiosk_view.hpp"
#include "platform/speech.hpp"

namespace homedesk::app {

class Announcer {
  public:
    explicit Announcer(std::unique_ptr<platform::Speech> speech) : m_speech(std::move(speech)) {}

    // `tapped`: the label of the button tapped this frame, if any. `summary(justOn)` gives what
    // the screen shows (with "read-aloud on" first when it was just turned on); it is asked
    // only when something is to be said.
    void afterFrame(const KioskView& view, const std::string* tapped,
                    const std::function<std::string(bool justOn)>& summary);
    void stop() { m_speech->stop(); }
    // The configured loudness and pace; the idle wipe puts them back (resetLevels).
    void setDefaultLevels(platform::SpeechLevels levels) {
        m_defaults = levels;
        resetLevels();
    }
    void resetLevels() { m_speech->setLevels(m_defaults); }
    const std::deque<std::string>& spoken() const { return m_spoken; }  // the last eight

  private:
    std::unique_ptr<platform::Speech> m_speech;
    std::deque<std::string> m_spoken;
    ScreenId m_screen = ScreenId::Home;
    bool m_prompt = false;
    bool m_on = false;
    Language m_language = Language::Chinese;
    std::string m_step;  // the flow steps last announced, empty outside a flow
    std::string m_entryError;  // a refusal of typed keys is said once when it appears
    platform::SpeechLevels m_defaults;
};

}  // namespace homedesk::app
