// The terminal's fonts: the build-time subset of Noto Sans CJK SC (regular and bold), mapped
// from disk, and a Dear ImGui atlas that holds only the glyphs the screens have shown. Drawing
// code reports every string it draws; a new character marks the atlas for a rebuild, which the
// frame loop does between frames (ImGui 1.86 locks the atlas inside a frame).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/glyph_set.hpp"
#include "base/result.hpp"
#include "kiosk/core/theme.hpp"

struct ImFont;
struct ImFontAtlas;

namespace homedesk::ui {

// Drawn for any character the fonts lack (emoji, rare ideographs): U+25A1 WHITE SQUARE.
inline constexpr char32_t kFallbackGlyph = 0x25A1;

enum class FontRole { Body, Strong, Title, Display };
inline constexpr size_t kFontRoles = 4;

// A font file mapped read-only into memory; pages are read only as glyphs are rasterised.
class FontFile {
public:
    static Result<std::shared_ptr<FontFile>> open(const std::string& path);
    ~FontFile();
    FontFile(const FontFile&) = delete;
    FontFile& operator=(const FontFile&) = delete;

    bool hasGlyph(char32_t cp) const;
    void* data() const { return m_data; }
    size_t size() const { return m_size; }

private:
    FontFile() = default;
    void* m_data = nullptr;
    size_t m_size = 0;
    std::unique_ptr<struct FontInfo> m_info;
};

// The pixels of a built atlas: one byte of coverage per pixel.
struct AtlasImage {
    const uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
};

class FontAtlas {
public:
    FontAtlas(std::shared_ptr<FontFile> regular, std::shared_ptr<FontFile> bold);

    // Records the characters of `text` for `role`. Returns true when the atlas lacks one of them
    // and must be rebuilt before the frame can be shown. Characters no font file has are
    // recorded as missing; they draw as kFallbackGlyph.
    bool note(FontRole role, std::string_view text);

    bool needsRebuild() const { return m_dirty; }

    // Rebuilds `atlas` at the theme's sizes with exactly the recorded glyphs.
    AtlasImage build(ImFontAtlas& atlas, const Theme& theme);
    // Empties `atlas` without letting it free the mapped font files (before ImGui shuts down).
    static void release(ImFontAtlas& atlas);

    ImFont* font(FontRole role) const { return m_fonts[static_cast<size_t>(role)]; }

    // Forgets every glyph but the always-present ASCII, so the next frames record afresh what is
    // in use (after a session wipe: the atlas never grows without bound).
    void forgetGlyphs();

    const std::set<char32_t>& missing() const { return m_missing; }
    size_t glyphCount() const;
    size_t textureBytes() const { return m_textureBytes; }
    size_t textureBytesMax() const { return m_textureBytesMax; }
    const FontFile& regular() const { return *m_regular; }

private:
    std::shared_ptr<FontFile> m_regular;
    std::shared_ptr<FontFile> m_bold;
    std::array<GlyphSet, kFontRoles> m_glyphs;
    std::array<std::vector<uint16_t>, kFontRoles> m_ranges;  // alive while the atlas is
    std::array<ImFont*, kFontRoles> m_fonts{};
    std::set<char32_t> m_missing;
    size_t m_textureBytes = 0;
    size_t m_textureBytesMax = 0;
    bool m_dirty = true;
};

}  // namespace homedesk::ui
