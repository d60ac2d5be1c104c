// Strict reading of one JSON object: required fields, types, ranges, lengths and character sets.
// The first problem is kept with its path ("items[2].client_id: ..."); later reads return
// defaults, so a decoder reads straight through and checks ok() once. Unknown fields are ignored
// so that a newer peer may add fields without breaking an older one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace homedesk::protocol {

enum class TextKind {
    Id,    // [A-Za-z0-9_-], at least 1 byte
    Line,  // one line: no control characters
    Text,  // may hold newlines and tabs, no other control characters
};

class FieldReader {
public:
    FieldReader(const nlohmann::json& value, std::string path);

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    void fail(const std::string& key, const std::string& problem);
    void failWith(const std::string& message) {
        if (m_error.empty()) m_error = message;
    }

    std::string string(const char* key, TextKind kind, std::size_t maxBytes);
    std::optional<std::string> optString(const char* key, TextKind kind, std::size_t maxBytes);
    std::int64_t integer(const char* key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optInteger(const char* key, std::int64_t min, std::int64_t max);
    bool boolean(const char* key, bool fallback);
    // nullptr (and an error) when missing, not an array, or longer than maxItems.
    const nlohmann::json* array(const char* key, std::size_t maxItems);
    const nlohmann::json* object(const char* key);

    std::string childPath(const char* key, std::size_t index) const;
    const std::string& path() const { return m_path; }

private:
    const nlohmann::json* field(const char* key, bool required);

    const nlohmann::json& m_value;
    std::string m_path;
    std::string m_error;
};

bool isValidText(const std::string& s, TextKind kind);
// `s` safe to print on a terminal or in a log: every character a one-line field refuses written as
// \u{XXXX}, and every byte that is not UTF-8 as \xNN (for records stored before the rules).
std::string printableLine(const std::string& s);
// Nesting depth of a JSON text, computed without parsing (so hostile nesting is refused before
// the recursive parser sees it).
int jsonDepth(std::string_view text);

}  // namespace homedesk::protocol
