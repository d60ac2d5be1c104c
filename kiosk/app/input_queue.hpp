// SDL input turned into Dear ImGui 1.86 input. 1.86 has no input queue: a press and a release
// delivered in one frame would be lost, so this queue hands ImGui at most one button change per
// frame and asks for another frame while anything is left.
#pragma once

#include <SDL2/SDL_events.h>

#include <deque>
#include <string>

struct ImGuiIO;

namespace homedesk::app {

class InputQueue {
public:
    // Queues what `event` means for the UI; returns false for events that are not input.
    bool push(const SDL_Event& event, int windowWidth, int windowHeight);
    // Feeds ImGui up to and including the next button change.
    void applyNext(ImGuiIO& io);
    bool empty() const { return m_ops.empty(); }
    void clear() { m_ops.clear(); }

    static void configure(ImGuiIO& io);  // key map, once at start

private:
    struct Op {
        enum class Kind { Move, Button, Text, Key, Leave } kind;
        float x = 0, y = 0;
        bool down = false;
        int scancode = 0;
        std::string text;
    };
    std::deque<Op> m_ops;
    SDL_FingerID m_finger = -1;  // the one finger being followed; others are ignored
    bool m_fingerDown = false;
};

}  // namespace homedesk::app
