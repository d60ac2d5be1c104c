// homedesk-floor: the platform floor of the benchmarks. An empty SDL2 window with an OpenGL 3.3
// core context made as platform/sdl/sdl_window.cpp makes it, one cleared frame, exit. With
// --draw the frame also has one shaded, textured, blended triangle: the cost of drawing anything
// at all, which on llvmpipe includes compiling the shaders to machine code.
#define GL_GLEXT_PROTOTYPES 1
#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdio>

namespace {

// The shape of ImGui's OpenGL 3 shaders: position, uv, colour; texture times colour.
constexpr const char* kVertex = R"(#version 330 core
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = vec4(Position, 0, 1);
})";
constexpr const char* kFragment = R"(#version 330 core
in vec2 Frag_UV;
in vec4 Frag_Color;
uniform sampler2D Texture;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); })";

bool drawTriangle() {
    const GLuint program = glCreateProgram();
    for (auto [type, source] :
         {std::pair{GL_VERTEX_SHADER, kVertex}, std::pair{GL_FRAGMENT_SHADER, kFragment}}) {
        const GLuint shader = glCreateShader(type);
        glShaderSource(shader, 1, &source, nullptr);
        glCompileShader(shader);
        glAttachShader(program, shader);
    }
    glLinkProgram(program);
    GLint linked = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    glUseProgram(program);

    const unsigned char white[4] = {255, 255, 255, 255};
    GLuint texture = 0, vao = 0, vbo = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);

    struct Vertex {
        float x, y, u, v, r, g, b, a;
    };
    const Vertex vertices[] = {{-0.5f, -0.5f, 0, 0, 1, 1, 1, 1},
                               {0.5f, -0.5f, 1, 0, 1, 1, 1, 1},
                               {0, 0.5f, 0, 1, 1, 1, 1, 1}};
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STATIC_DRAW);
    const auto attribute = [](GLuint index, GLint size, size_t offset) {
        glEnableVertexAttribArray(index);
        glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                              reinterpret_cast<void*>(offset));
    };
    attribute(0, 2, offsetof(Vertex, x));
    attribute(1, 2, offsetof(Vertex, u));
    attribute(2, 4, offsetof(Vertex, r));
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    return glGetError() == GL_NO_ERROR;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Platform floor: empty SDL2 window + OpenGL 3.3 context, one frame, exit"};
    bool headless = false, info = false, draw = false;
    int width = 1080, height = 1920;
    double idleSeconds = 0;
    cli.add_flag("--headless", headless, "SDL offscreen driver (EGL), no display needed");
    cli.add_option("--width", width)->check(CLI::Range(1, 8192));
    cli.add_option("--height", height)->check(CLI::Range(1, 8192));
    cli.add_option("--idle-seconds", idleSeconds, "after the frame, wait for events this long")
        ->check(CLI::Range(0.0, 86400.0));
    cli.add_flag("--draw", draw, "draw one shaded, textured, blended triangle in the frame");
    cli.add_flag("--info", info, "print the GL renderer and version");
    CLI11_PARSE(cli, argc, argv);

    if (headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "homedesk-floor: cannot start video: %s\n", SDL_GetError());
        return 2;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_Window* window =
        SDL_CreateWindow("homedesk-floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                         height, SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) {
        std::fprintf(stderr, "homedesk-floor: no window or OpenGL 3.3 context: %s\n",
                     SDL_GetError());
        return 2;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(headless ? 0 : 1);

    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (draw && !drawTriangle()) {
        std::fprintf(stderr, "homedesk-floor: the shaded draw failed\n");
        return 2;
    }
    SDL_GL_SwapWindow(window);
    if (info) {
        std::printf("renderer: %s\nversion: %s\n", glGetString(GL_RENDERER),
                    glGetString(GL_VERSION));
    }

    // Idle as the terminal idles: blocked in SDL's event wait, drawing nothing.
    const Uint64 end = SDL_GetTicks64() + static_cast<Uint64>(idleSeconds * 1000);
    for (Uint64 now = SDL_GetTicks64(); now < end; now = SDL_GetTicks64()) {
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, static_cast<int>(end - now)) && event.type == SDL_QUIT)
            break;
    }

    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
