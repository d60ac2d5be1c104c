// UTF-8 decoding for text that comes from outside: catalogs, notices, what residents type.
// Invalid sequences never throw; they decode to U+FFFD.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace homedesk::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point starting at `pos` and advances it; malformed input yields U+FFFD and
// consumes one byte so decoding always makes progress.
char32_t next(std::string_view text, size_t& pos);

std::vector<char32_t> decode(std::string_view text);
void append(std::string& out, char32_t cp);
bool isValid(std::string_view text);

// Bidi embeddings, overrides, isolates and marks, and the Unicode line/paragraph separators:
// characters that make text read differently from what was written (refused on both ends).
bool isReordering(char32_t cp);

// Valid UTF-8 with control characters (other than newline) and reordering marks removed, and
// invalid bytes replaced.
std::string sanitize(std::string_view text);

}  // namespace homedesk::utf8
