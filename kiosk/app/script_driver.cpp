#include "kiosk/app/script_driver.hpp"

#include <SDL2/SDL.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <sstream>
#include <utility>

namespace homedesk::app {

namespace {

constexpr const char* kVerbs[] = {"tap",    "type",  "key",  "wait",  "shot",
                                  "expect", "await", "quit", "fault", "stroke"};
constexpr long kAwaitDefaultMs = 15000;
constexpr auto kAwaitPoll = std::chrono::milliseconds(20);

void pushFinger(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.timestamp = SDL_GetTicks();
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1;
    SDL_PushEvent(&e);
}

void pushKey(SDL_Scancode code) {
    for (Uint32 type : {Uint32(SDL_KEYDOWN), Uint32(SDL_KEYUP)}) {
        SDL_Event e{};
        e.type = type;
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.scancode = code;
        e.key.keysym.sym = SDL_GetKeyFromScancode(code);
        SDL_PushEvent(&e);
    }
}

void pushText(const std::string& text) {
    // SDL_TEXTINPUT carries at most 31 bytes; split on character boundaries.
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = std::min(text.size(), pos + SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
        while (end > pos && end < text.size() &&
               (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        text.copy(e.text.text, end - pos, pos);
        SDL_PushEvent(&e);
        pos = end;
    }
}

// `stroke`'s corners ("x,y" fractions of the widget) as a finger's path: down at the first,
// a motion every 4% of the widget along the way, up at the last. False if a corner is malformed.
bool pushStroke(const ui::WidgetInfo& w, std::istringstream& corners, int width, int height) {
    std::vector<std::pair<float, float>> at;
    std::string pair;
    while (corners >> pair) {
        const auto comma = pair.find(',');
        if (comma == std::string::npos) return false;
        try {
            at.emplace_back(std::stof(pair.substr(0, comma)), std::stof(pair.substr(comma + 1)));
        } catch (...) {
            return false;
        }
    }
    if (at.empty()) return false;
    const auto screen = [&](float fx, float fy) {
        return std::pair{(w.rect.x + fx * w.rect.w) / static_cast<float>(width),
                         (w.rect.y + fy * w.rect.h) / static_cast<float>(height)};
    };
    auto [x, y] = screen(at[0].first, at[0].second);
    pushFinger(SDL_FINGERDOWN, x, y);
    for (size_t i = 1; i < at.size(); ++i) {
        const float dx = at[i].first - at[i - 1].first, dy = at[i].second - at[i - 1].second;
        const int steps = std::max(1, static_cast<int>(std::hypot(dx, dy) / 0.04f));
        for (int s = 1; s <= steps; ++s) {
            std::tie(x, y) =
                screen(at[i - 1].first + dx * s / steps, at[i - 1].second + dy * s / steps);
            pushFinger(SDL_FINGERMOTION, x, y);
        }
    }
    pushFinger(SDL_FINGERUP, x, y);
    return true;
}

}  // namespace

Result<std::vector<ScriptCommand>> parseScript(const std::string& text, const std::string& source) {
    std::vector<ScriptCommand> out;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto space = line.find(' ', first);
        ScriptCommand c{line.substr(first, space == std::string::npos ? space : space - first), "",
                        number};
        if (space != std::string::npos) {
            const auto arg = line.find_first_not_of(' ', space);
            if (arg != std::string::npos) c.argument = line.substr(arg);
        }
        while (!c.argument.empty() && (c.argument.back() == '\r' || c.argument.back() == ' '))
            c.argument.pop_back();
        bool known = false;
        for (const char* v : kVerbs) known |= c.verb == v;
        const std::string where = source + ":" + std::to_string(number);
        if (!known) return invalidInput(where, "unknown command \"" + c.verb + "\"");
        const bool needsArgument = c.verb != "quit" && c.verb != "fault";
        if (needsArgument && c.argument.empty())
            return invalidInput(where, c.verb + " needs an argument");
        if (c.verb == "wait" && (c.argument.size() > 7 ||
                                 c.argument.find_first_not_of("0123456789") != std::string::npos))
            return invalidInput(where, "wait takes milliseconds, a whole number below 10,000,000");
        if (c.verb == "await") {
            const auto space = c.argument.find(' ');
            const std::string ms = space == std::string::npos ? "" : c.argument.substr(space + 1);
            if (space != std::string::npos &&
                (ms.empty() || ms.size() > 7 ||
                 ms.find_first_not_of("0123456789") != std::string::npos))
                return invalidInput(
                    where,
                    "await takes a fact and optionally milliseconds: await sync.synced 10000");
        }
        if (c.verb == "key" && c.argument != "return" && c.argument != "backspace" &&
            c.argument != "escape" && c.argument != "tab")
            return invalidInput(where, "key takes return, backspace, escape or tab");
        out.push_back(std::move(c));
    }
    return out;
}

ScriptDriver::Step ScriptDriver::step(TimePoint now, const ui::WidgetRegistry& widgets,
                                      std::string_view screen, int width, int height) {
    if (m_waitUntil) {
        if (now < *m_waitUntil) return {};
        m_waitUntil.reset();
    }
    if (m_awaiting) {
        if (!(m_facts && m_facts(m_awaiting->fact))) {
            if (now >= m_awaiting->deadline) {
                const Awaiting a = *std::exchange(m_awaiting, std::nullopt);
                return {Step::Kind::Fail, "script line " + std::to_string(a.line) +
                                              ": waited in vain for " + a.fact + " on screen " +
                                              std::string(screen)};
            }
            m_waitUntil = std::min(now + kAwaitPoll, m_awaiting->deadline);
            return {};
        }
        m_awaiting.reset();
    }
    if (finished()) return {Step::Kind::Quit, ""};
    const ScriptCommand& c = m_commands[m_next++];
    const std::string where = "script line " + std::to_string(c.line) + ": ";
    if (c.verb == "tap") {
        const ui::WidgetInfo* w = widgets.find(c.argument);
        if (!w)
            return {Step::Kind::Fail,
                    where + "no widget \"" + c.argument + "\" on screen " + std::string(screen)};
        const float x = (w->rect.x + w->rect.w / 2) / static_cast<float>(width);
        const float y = (w->rect.y + w->rect.h / 2) / static_cast<float>(height);
        pushFinger(SDL_FINGERDOWN, x, y);
        pushFinger(SDL_FINGERUP, x, y);
    } else if (c.verb == "stroke") {
        std::istringstream args(c.argument);
        std::string id;
        args >> id;
        const ui::WidgetInfo* w = widgets.find(id);
        if (!w)
            return {Step::Kind::Fail,
                    where + "no widget \"" + id + "\" on screen " + std::string(screen)};
        if (!pushStroke(*w, args, width, height))
            return {Step::Kind::Fail, where + "stroke wants x,y fractions"};
    } else if (c.verb == "type") {
        pushText(c.argument);
    } else if (c.verb == "key") {
        pushKey(c.argument == "return"      ? SDL_SCANCODE_RETURN
                : c.argument == "backspace" ? SDL_SCANCODE_BACKSPACE
                : c.argument == "escape"    ? SDL_SCANCODE_ESCAPE
                                            : SDL_SCANCODE_TAB);
    } else if (c.verb == "wait") {
        m_waitUntil = now + Duration(std::stoll(c.argument));
    } else if (c.verb == "await") {
        const auto space = c.argument.find(' ');
        const long ms =
            space == std::string::npos ? kAwaitDefaultMs : std::stol(c.argument.substr(space + 1));
        m_awaiting =
            Awaiting{c.argument.substr(0, space), now + std::chrono::milliseconds(ms), c.line};
        return step(now, widgets, screen, width, height);  // it may hold already
    } else if (c.verb == "shot") {
        return {Step::Kind::Shot, c.argument};
    } else if (c.verb == "expect") {
        if (screen != c.argument)
            return {Step::Kind::Fail,
                    where + "expected screen " + c.argument + ", showing " + std::string(screen)};
    } else if (c.verb == "quit") {
        return {Step::Kind::Quit, ""};
    } else if (c.verb == "fault") {
        return {Step::Kind::Fault, ""};
    }
    return {};
}

}  // namespace homedesk::app
