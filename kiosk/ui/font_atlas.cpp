#include "kiosk/ui/font_atlas.hpp"

#include <fcntl.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <stb_truetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kiosk/core/utf8.hpp"

namespace homedesk::ui {

struct FontInfo {
    stbtt_fontinfo info;
};

Result<std::shared_ptr<FontFile>> FontFile::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ioError(path, std::string("cannot open font: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        return ioError(path, "cannot read font size");
    }
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return ioError(path, std::string("cannot map font: ") + std::strerror(errno));

    std::shared_ptr<FontFile> file(new FontFile());
    file->m_data = data;
    file->m_size = static_cast<size_t>(st.st_size);
    file->m_info = std::make_unique<FontInfo>();
    const auto* bytes = static_cast<const unsigned char*>(data);
    const int offset = stbtt_GetFontOffsetForIndex(bytes, 0);
    if (offset < 0 || !stbtt_InitFont(&file->m_info->info, bytes, offset))
        return invalidInput(path, "not a TrueType/OpenType font");
    return file;
}

FontFile::~FontFile() {
    if (m_data) ::munmap(m_data, m_size);
}

bool FontFile::hasGlyph(char32_t cp) const {
    return stbtt_FindGlyphIndex(&m_info->info, static_cast<int>(cp)) != 0;
}

FontAtlas::FontAtlas(std::shared_ptr<FontFile> regular, std::shared_ptr<FontFile> bold)
    : m_regular(std::move(regular)), m_bold(std::move(bold)) {
    forgetGlyphs();
}

void FontAtlas::forgetGlyphs() {
    for (auto& set : m_glyphs) {
        set.clear();
        // ASCII (what the keyboard types) and the fallback glyph are always there.
        for (char32_t cp = 0x20; cp < 0x7F; ++cp) set.add(cp);
        set.add(kFallbackGlyph);
    }
    m_dirty = true;
}

bool FontAtlas::note(FontRole role, std::string_view text) {
    GlyphSet& set = m_glyphs[static_cast<size_t>(role)];
    bool added = false;
    for (size_t pos = 0; pos < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[pos]);
        if (b < 0x80) {  // ASCII is always in the atlas
            ++pos;
            continue;
        }
        const char32_t cp = utf8::next(text, pos);
        if (set.contains(cp)) continue;
        if (cp >= GlyphSet::kLimit || !m_regular->hasGlyph(cp)) {
            m_missing.insert(cp);
            continue;
        }
        added |= set.add(cp);
    }
    m_dirty |= added;
    return added;
}

size_t FontAtlas::glyphCount() const {
    size_t n = 0;
    for (const auto& set : m_glyphs) n += set.size();
    return n;
}

// ImGui 1.86 copies font data it does not own (5 MB per font, per role), so the mapping is
// handed over as "owned" for the build and taken back right after: ImGui must never free it.
static void detachFontData(ImFontAtlas& atlas) {
    for (ImFontConfig& config : atlas.ConfigData) {
        config.FontData = nullptr;
        config.FontDataSize = 0;
        config.FontDataOwnedByAtlas = false;
    }
}

void FontAtlas::release(ImFontAtlas& atlas) {
    detachFontData(atlas);
    atlas.Clear();
}

AtlasImage FontAtlas::build(ImFontAtlas& atlas, const Theme& theme) {
    detachFontData(atlas);
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.TexGlyphPadding = 1;
    const float sizes[kFontRoles] = {theme.bodyPx, theme.strongPx, theme.titlePx, theme.displayPx};
    for (size_t i = 0; i < kFontRoles; ++i) {
        m_ranges[i] = m_glyphs[i].ranges();
        const FontFile& file = i == static_cast<size_t>(FontRole::Body) ? *m_regular : *m_bold;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;  // no copy; detachFontData() takes it back
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        std::snprintf(config.Name, sizeof config.Name, "HomeDeskSans-%zu", i);
        m_fonts[i] = atlas.AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), sizes[i],
                                                &config,
                                                reinterpret_cast<const ImWchar*>(m_ranges[i].data()));
    }
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    detachFontData(atlas);  // built: the glyphs are in the atlas, the file is not needed
    // Noto Sans CJK has no U+FFFD, and ImGui would fall back to '?': a character no font has
    // draws as a white square instead, which reads as "something is here" in both languages.
    for (ImFont* font : m_fonts) {
        font->FallbackChar = static_cast<ImWchar>(kFallbackGlyph);
        font->BuildLookupTable();
    }
    m_textureBytes = static_cast<size_t>(width) * static_cast<size_t>(height);
    m_textureBytesMax = std::max(m_textureBytes, m_textureBytesMax);
    m_dirty = false;
    return {pixels, width, height};
}

}  // namespace homedesk::ui
