// The window and its OpenGL 3 context (SDL2). Headless runs use SDL's offscreen driver, which
// gives a real GL context (EGL on llvmpipe) with no display.
#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"

struct SDL_Window;

namespace homedesk::platform {

struct WindowOptions {
    int width = 1080;
    int height = 1920;
    bool fullscreen = false;
    bool headless = false;
    std::string title = "HomeDesk";
};

class SdlWindow {
public:
    static Result<std::unique_ptr<SdlWindow>> create(const WindowOptions& options);
    ~SdlWindow();
    SdlWindow(const SdlWindow&) = delete;
    SdlWindow& operator=(const SdlWindow&) = delete;

    SDL_Window* handle() const { return m_window; }
    void* glContext() const { return m_gl; }
    void size(int& width, int& height) const;
    void swap();

private:
    SdlWindow() = default;
    SDL_Window* m_window = nullptr;
    void* m_gl = nullptr;
};

}  // namespace homedesk::platform
