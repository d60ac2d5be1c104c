#include "kiosk/core/glyph_set.hpp"

#include "kiosk/core/utf8.hpp"

namespace homedesk {

bool GlyphSet::add(char32_t cp) {
    // Control characters are never drawn; characters beyond the BMP cannot be rasterised by a
    // 16-bit ImWchar build and fall back to U+FFFD, which the caller adds itself.
    if (cp < 0x20 || cp >= kLimit || m_bits.test(cp)) return false;
    m_bits.set(cp);
    return true;
}

bool GlyphSet::add(std::string_view text) {
    bool added = false;
    for (size_t pos = 0; pos < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[pos]);
        // ASCII fast path: most strings are mostly ASCII or already known.
        const char32_t cp = b < 0x80 ? (++pos, b) : utf8::next(text, pos);
        added |= add(cp >= kLimit ? utf8::kReplacement : cp);
    }
    return added;
}

std::vector<uint16_t> GlyphSet::ranges() const {
    std::vector<uint16_t> out;
    char32_t cp = 1;
    while (cp < kLimit) {
        if (!m_bits.test(cp)) {
            ++cp;
            continue;
        }
        const char32_t first = cp;
        while (cp + 1 < kLimit && m_bits.test(cp + 1)) ++cp;
        out.push_back(static_cast<uint16_t>(first));
        out.push_back(static_cast<uint16_t>(cp));
        ++cp;
    }
    out.push_back(0);
    return out;
}

}  // namespace homedesk
