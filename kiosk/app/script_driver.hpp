// Drives the real program from a script, as a person at the screen would: it finds widgets by
// id in the registry the last frame filled, and injects real SDL events (finger taps, text,
// keys). It never calls screen code. One command a line; '#' starts a comment.
//
//   tap <widget-id>        finger down and up at the widget's centre
//   stroke <widget-id> x,y x,y ...   a finger drawn through these points (fractions of the
//                          widget's rectangle), as on the handwriting pad
//   type <text>            text input events, as a keyboard or a scanner wedge sends them
//   key <return|backspace|escape|tab>
//   wait <milliseconds>    let time pass (timers, the idle prompt)
//   shot <name>            screenshot <name>.png and <name>.json (widgets, screen, glyphs)
//   expect <screen>        stop with an error unless this screen is showing
//   await <fact> [ms]      wait until the app reports the fact (sync.synced, receipt.delivered,
//                          screen.home, ...), at most ms (default 15000), else stop with an error
//   quit
//   fault                  (tests only) the next frame throws, as a broken screen would
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/idle_session.hpp"
#include "base/result.hpp"
#include "kiosk/ui/ui.hpp"

namespace homedesk::app {

struct ScriptCommand {
    std::string verb;
    std::string argument;
    int line = 0;
};

Result<std::vector<ScriptCommand>> parseScript(const std::string& text, const std::string& source);

class ScriptDriver {
public:
    explicit ScriptDriver(std::vector<ScriptCommand> commands) : m_commands(std::move(commands)) {}
    // What `await` asks about; without it every await times out.
    void setFacts(std::function<bool(std::string_view)> facts) { m_facts = std::move(facts); }

    struct Step {
        enum class Kind { None, Shot, Quit, Fail, Fault } kind = Kind::None;
        std::string text;  // the shot's name or the failure
    };

    // Runs the next command if the UI has settled. Events it injects go to SDL's queue.
    Step step(TimePoint now, const ui::WidgetRegistry& widgets, std::string_view screen, int width,
              int height);

    // When the driver next wants to run while the UI is idle (during `wait`).
    std::optional<TimePoint> deadline() const { return m_waitUntil; }
    bool finished() const { return m_next >= m_commands.size(); }

private:
    std::vector<ScriptCommand> m_commands;
    size_t m_next = 0;
    std::optional<TimePoint> m_waitUntil;
    std::function<bool(std::string_view)> m_facts;
    struct Awaiting {
        std::string fact;
        TimePoint deadline;
        int line = 0;
    };
    std::optional<Awaiting> m_awaiting;
};

}  // namespace homedesk::app
