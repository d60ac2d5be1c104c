#include "platform/sdl/gl_renderer.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <SDL2/SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <vector>

namespace homedesk::platform {

GlRenderer::GlRenderer() {
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Let the backend make its shaders now, then drop the RGBA font texture it makes with them:
    // ours replaces it.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
}

GlRenderer::~GlRenderer() {
    if (m_fontTexture) glDeleteTextures(1, &m_fontTexture);
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    ImGui_ImplOpenGL3_Shutdown();
}

void GlRenderer::uploadFontTexture(const unsigned char* pixels, int width, int height) {
    if (!m_fontTexture) glGenTextures(1, &m_fontTexture);
    glBindTexture(GL_TEXTURE_2D, m_fontTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    // Coverage in red; the shader samples (1, 1, 1, coverage).
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    ImGui::GetIO().Fonts->SetTexID(
        reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fontTexture)));
}

void GlRenderer::render(ImDrawData* data, int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
}

Result<bool> GlRenderer::writePng(const std::string& path, int width, int height) const {
    std::vector<unsigned char> rgba(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // OpenGL's rows run bottom-up; PNG's top-down.
    const size_t stride = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> flipped(rgba.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(&rgba[(height - 1 - y) * stride], stride, &flipped[y * stride]);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    if (!stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)))
        return ioError(path, "cannot write the screenshot");
    return true;
}

}  // namespace homedesk::platform
