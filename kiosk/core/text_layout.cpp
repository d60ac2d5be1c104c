#include "kiosk/core/text_layout.hpp"

#include "kiosk/core/utf8.hpp"

namespace homedesk {

namespace {

bool isWide(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Punctuation that must not begin a line (a short form of the Chinese 避头 rule).
bool isClosing(char32_t cp) {
    switch (cp) {
        case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！':
        case U'）': case U'」': case U'』': case U'》': case U'〉': case U'”': case U'’':
        case U'…': case ',': case '.': case ';': case ':': case '?': case '!': case ')':
            return true;
        default:
            return false;
    }
}

// The unbreakable units of a paragraph: a Latin word with its trailing spaces, or one wide
// character with any closing punctuation that follows it.
std::vector<std::string_view> units(std::string_view p) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos < p.size()) {
        const size_t start = pos;
        size_t probe = pos;
        const char32_t first = utf8::next(p, probe);
        if (isWide(first) || first == ' ') {
            pos = probe;
        } else {
            // A run of narrow, non-space characters.
            while (pos < p.size()) {
                size_t q = pos;
                const char32_t cp = utf8::next(p, q);
                if (cp == ' ' || (isWide(cp) && !isClosing(cp))) break;
                pos = q;
            }
        }
        while (pos < p.size()) {  // attach trailing spaces and closing punctuation
            size_t q = pos;
            const char32_t cp = utf8::next(p, q);
            if (cp != ' ' && !isClosing(cp)) break;
            pos = q;
        }
        out.push_back(p.substr(start, pos - start));
    }
    return out;
}

std::string_view trimRight(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

void wrapParagraph(std::string_view p, float maxWidth, const MeasureText& measure,
                   std::vector<std::string>& lines) {
    std::string line;
    float width = 0;
    auto flush = [&] {
        lines.emplace_back(trimRight(line));
        line.clear();
        width = 0;
    };
    for (std::string_view unit : units(p)) {
        const float w = measure(unit);
        if (width + measure(trimRight(unit)) <= maxWidth || line.empty()) {
            if (line.empty() && measure(trimRight(unit)) > maxWidth) {
                // Too long for any line: split between characters.
                for (size_t pos = 0; pos < unit.size();) {
                    const size_t start = pos;
                    utf8::next(unit, pos);
                    const auto ch = unit.substr(start, pos - start);
                    const float cw = measure(ch);
                    if (!line.empty() && width + cw > maxWidth) flush();
                    line.append(ch);
                    width += cw;
                }
                continue;
            }
            line.append(unit);
            width += w;
        } else {
            flush();
            line.append(unit);
            width = w;
        }
    }
    flush();
}

}  // namespace

std::vector<std::string> wrapText(std::string_view text, float maxWidth, const MeasureText& measure) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (true) {
        const size_t nl = text.find('\n', start);
        wrapParagraph(text.substr(start, nl == std::string_view::npos ? nl : nl - start), maxWidth,
                      measure, lines);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

}  // namespace homedesk
