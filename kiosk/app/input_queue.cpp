#include "kiosk/app/input_queue.hpp"

#include <SDL2/SDL.h>
#include <imgui.h>

#include <cfloat>

namespace homedesk::app {

void InputQueue::configure(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = SDL_SCANCODE_KP_ENTER;
}

bool InputQueue::push(const SDL_Event& e, int width, int height) {
    using K = Op::Kind;
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return false;
            m_ops.push_back({K::Move, float(e.motion.x), float(e.motion.y)});
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return false;
            m_ops.push_back({K::Move, float(e.button.x), float(e.button.y)});
            m_ops.push_back({K::Button, 0, 0, e.type == SDL_MOUSEBUTTONDOWN});
            return true;
        case SDL_FINGERDOWN:
            if (m_fingerDown) return false;  // a second finger (a palm, a child) is ignored
            m_fingerDown = true;
            m_finger = e.tfinger.fingerId;
            m_ops.push_back({K::Move, e.tfinger.x * width, e.tfinger.y * height});
            m_ops.push_back({K::Button, 0, 0, true});
            return true;
        case SDL_FINGERMOTION:
            if (!m_fingerDown || e.tfinger.fingerId != m_finger) return false;
            m_ops.push_back({K::Move, e.tfinger.x * width, e.tfinger.y * height});
            return true;
        case SDL_FINGERUP:
            if (!m_fingerDown || e.tfinger.fingerId != m_finger) return false;
            m_fingerDown = false;
            m_ops.push_back({K::Move, e.tfinger.x * width, e.tfinger.y * height});
            m_ops.push_back({K::Button, 0, 0, false});
            m_ops.push_back({K::Leave});  // a lifted finger hovers nothing
            return true;
        case SDL_TEXTINPUT:
            m_ops.push_back({K::Text, 0, 0, false, 0, e.text.text});
            return true;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            m_ops.push_back({K::Key, 0, 0, e.type == SDL_KEYDOWN, e.key.keysym.scancode});
            return true;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE) {
                m_ops.push_back({K::Leave});
                return true;
            }
            return false;
        default:
            return false;
    }
}

void InputQueue::applyNext(ImGuiIO& io) {
    using K = Op::Kind;
    while (!m_ops.empty()) {
        Op op = std::move(m_ops.front());
        m_ops.pop_front();
        switch (op.kind) {
            case K::Move:
                io.MousePos = ImVec2(op.x, op.y);
                // A finger moving while down (writing on the pad) gives one point a frame, so
                // no point of its path is lost to the next one.
                if (io.MouseDown[0] && !m_ops.empty() && m_ops.front().kind == K::Move) return;
                break;
            case K::Leave: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
            case K::Text: io.AddInputCharactersUTF8(op.text.c_str()); break;
            case K::Key:
                if (op.scancode >= 0 && op.scancode < IM_ARRAYSIZE(io.KeysDown))
                    io.KeysDown[op.scancode] = op.down;
                return;  // one key change per frame, like buttons
            case K::Button:
                io.MouseDown[0] = op.down;
                return;
        }
    }
}

}  // namespace homedesk::app
