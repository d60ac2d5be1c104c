// The set of characters a font atlas must hold. Dear ImGui 1.86 has no dynamic font atlas, so
// the terminal rasterises only what it shows and rebuilds when new text brings new characters.
#pragma once

#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

namespace homedesk {

class GlyphSet {
public:
    // The Basic Multilingual Plane: what a 16-bit ImWchar can name.
    static constexpr char32_t kLimit = 0x10000;

    // Adds every code point of `text`; returns true when at least one was new.
    bool add(std::string_view text);
    bool add(char32_t cp);
    bool contains(char32_t cp) const { return cp < kLimit && m_bits.test(cp); }
    size_t size() const { return m_bits.count(); }
    void clear() { m_bits.reset(); }

    // Inclusive [first, last] pairs of consecutive code points, ascending, terminated by a 0:
    // the glyph-range format ImFontConfig expects.
    std::vector<uint16_t> ranges() const;

private:
    std::bitset<kLimit> m_bits;
};

}  // namespace homedesk
