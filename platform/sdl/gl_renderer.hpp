// Draws Dear ImGui's output with OpenGL 3 and owns the font texture: one byte per texel with a
// swizzle, a quarter of the RGBA texture the stock backend would upload.
#pragma once

#include <string>

#include "base/result.hpp"

struct ImDrawData;

namespace homedesk::platform {

class GlRenderer {
public:
    GlRenderer();
    ~GlRenderer();
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;

    // Replaces the font texture with `pixels` (width x height coverage bytes).
    void uploadFontTexture(const unsigned char* pixels, int width, int height);
    void render(ImDrawData* data, int width, int height);
    // Reads the back buffer (call after render, before swap) into a PNG file.
    Result<bool> writePng(const std::string& path, int width, int height) const;

private:
    unsigned m_fontTexture = 0;
};

}  // namespace homedesk::platform
