#include "platform/sdl/sdl_window.hpp"

#include <SDL2/SDL.h>

namespace homedesk::platform {

Result<std::unique_ptr<SdlWindow>> SdlWindow::create(const WindowOptions& o) {
    if (o.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    // Touch is handled as touch: no synthetic mouse events doubling every tap.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return Error{Error::Kind::Unavailable, "SDL",
                     std::string("cannot start video: ") + SDL_GetError(), false};

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.fullscreen && !o.headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    std::unique_ptr<SdlWindow> w(new SdlWindow());
    w->m_window = SDL_CreateWindow(o.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   o.width, o.height, flags);
    if (!w->m_window)
        return Error{Error::Kind::Unavailable, "SDL",
                     std::string("cannot open window: ") + SDL_GetError(), false};
    w->m_gl = SDL_GL_CreateContext(w->m_window);
    if (!w->m_gl)
        return Error{Error::Kind::Unavailable, "SDL",
                     std::string("no OpenGL 3.3 context: ") + SDL_GetError(), false};
    SDL_GL_MakeCurrent(w->m_window, w->m_gl);
    SDL_GL_SetSwapInterval(o.headless ? 0 : 1);
    if (o.fullscreen && !o.headless) SDL_ShowCursor(SDL_DISABLE);
    return w;
}

SdlWindow::~SdlWindow() {
    if (m_gl) SDL_GL_DeleteContext(m_gl);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

void SdlWindow::size(int& width, int& height) const {
    SDL_GL_GetDrawableSize(m_window, &width, &height);
}

void SdlWindow::swap() { SDL_GL_SwapWindow(m_window); }

}  // namespace homedesk::platform
