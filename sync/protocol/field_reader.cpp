#include "sync/protocol/field_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace homedesk::protocol {

using nlohmann::json;

FieldReader::FieldReader(const json& value, std::string path)
    : m_value(value), m_path(std::move(path)) {
    if (!m_value.is_object()) m_error = (m_path.empty() ? "body" : m_path) + ": expected an object";
}

void FieldReader::fail(const std::string& key, const std::string& problem) {
    if (!m_error.empty()) return;
    m_error = (m_path.empty() ? "" : m_path + ".") + key + ": " + problem;
}

const json* FieldReader::field(const char* key, bool required) {
    if (!ok()) return nullptr;
    auto it = m_value.find(key);
    if (it == m_value.end() || it->is_null()) {
        if (required) fail(key, "is required");
        return nullptr;
    }
    return &*it;
}

namespace {
// The next code point of valid, shortest-form UTF-8 at `pos` (advanced past it), or -1.
long nextCodePoint(const std::string& s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    int extra = -1;
    if (lead < 0x80) extra = 0;
    else if (lead >= 0xC2 && lead < 0xE0) extra = 1;
    else if (lead >= 0xE0 && lead < 0xF0) extra = 2;
    else if (lead >= 0xF0 && lead < 0xF5) extra = 3;
    if (extra < 0 || pos + static_cast<std::size_t>(extra) >= s.size()) return -1;
    long cp = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    pos += static_cast<std::size_t>(extra) + 1;
    return cp;
}

// Characters that change how the text around them is shown: C1 controls, the bidi embeddings,
// overrides, isolates and marks (a name that reads backwards in a staff list), and the Unicode
// line and paragraph separators.
bool reordersOrControls(long cp) {
    return (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
           cp == 0x2029;
}
}  // namespace

bool isValidText(const std::string& s, TextKind kind) {
    if (kind == TextKind::Id) {
        if (s.empty()) return false;
        for (unsigned char c : s)
            if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
        return true;
    }
    // Checked here too, not only by the JSON parser: command-line arguments and query strings
    // arrive as raw bytes.
    for (std::size_t pos = 0; pos < s.size();) {
        const long cp = nextCodePoint(s, pos);
        if (cp < 0 || reordersOrControls(cp)) return false;
        if (cp >= 0x20) continue;
        if (kind == TextKind::Text && (cp == '\n' || cp == '\t' || cp == '\r')) continue;
        return false;
    }
    return true;
}

std::string printableLine(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        const long cp = nextCodePoint(s, pos);
        if (cp < 0) {
            const auto b = static_cast<unsigned char>(s[pos++]);
            out += std::string("\\x") + kHex[b >> 4] + kHex[b & 15];
        } else if (cp < 0x20 || reordersOrControls(cp)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u{%04lX}", cp);
            out += buf;
        } else {
            out.append(s, start, pos - start);
        }
    }
    return out;
}

std::optional<std::string> FieldReader::optString(const char* key, TextKind kind,
                                                  std::size_t maxBytes) {
    const json* v = field(key, false);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        fail(key, "expected a string");
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        fail(key, "longer than " + std::to_string(maxBytes) + " bytes");
        return std::nullopt;
    }
    if (!isValidText(s, kind)) {
        fail(key, kind == TextKind::Id ? "may hold only letters, digits, '-' and '_'"
                                       : "holds control, bidi or invalid characters");
        return std::nullopt;
    }
    return s;
}

std::string FieldReader::string(const char* key, TextKind kind, std::size_t maxBytes) {
    if (ok() && !field(key, true)) return {};
    return optString(key, kind, maxBytes).value_or(std::string{});
}

std::optional<std::int64_t> FieldReader::optInteger(const char* key, std::int64_t min,
                                                    std::int64_t max) {
    const json* v = field(key, false);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        fail(key, "expected an integer");
        return std::nullopt;
    }
    std::int64_t n = 0;
    if (v->is_number_unsigned()) {
        auto u = v->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(max)) {
            fail(key, "out of range");
            return std::nullopt;
        }
        n = static_cast<std::int64_t>(u);
    } else {
        n = v->get<std::int64_t>();
    }
    if (n < min || n > max) {
        fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

std::int64_t FieldReader::integer(const char* key, std::int64_t min, std::int64_t max) {
    if (ok() && !field(key, true)) return 0;
    return optInteger(key, min, max).value_or(0);
}

bool FieldReader::boolean(const char* key, bool fallback) {
    const json* v = field(key, false);
    if (!v) return fallback;
    if (!v->is_boolean()) {
        fail(key, "expected true or false");
        return fallback;
    }
    return v->get<bool>();
}

const json* FieldReader::array(const char* key, std::size_t maxItems) {
    const json* v = field(key, true);
    if (!v) return nullptr;
    if (!v->is_array()) {
        fail(key, "expected an array");
        return nullptr;
    }
    if (v->size() > maxItems) {
        fail(key, "more than " + std::to_string(maxItems) + " items");
        return nullptr;
    }
    return v;
}

const json* FieldReader::object(const char* key) {
    const json* v = field(key, true);
    if (!v) return nullptr;
    if (!v->is_object()) {
        fail(key, "expected an object");
        return nullptr;
    }
    return v;
}

std::string FieldReader::childPath(const char* key, std::size_t index) const {
    return (m_path.empty() ? "" : m_path + ".") + key + "[" + std::to_string(index) + "]";
}

int jsonDepth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}') --depth;
    }
    return deepest;
}

}  // namespace homedesk::protocol
