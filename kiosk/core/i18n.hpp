// Text catalogs: one flat JSON object of key -> text per language, switchable at runtime.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace homedesk {

enum class Language { Chinese, English };

inline constexpr Language kLanguages[] = {Language::Chinese, Language::English};

std::string_view languageCode(Language lang);  // "zh", "en"
Result<Language> parseLanguage(std::string_view code);

class Catalog {
public:
    // Rejects anything but an object of non-empty, valid UTF-8 strings.
    static Result<Catalog> parse(std::string_view json, std::string_view source);

    // The text for `key`; a missing key returns the key itself so the gap is visible, never a
    // blank button.
    const std::string& text(std::string_view key) const;
    bool has(std::string_view key) const { return m_texts.find(key) != m_texts.end(); }
    std::vector<std::string> keys() const;
    const std::map<std::string, std::string, std::less<>>& entries() const { return m_texts; }

private:
    std::map<std::string, std::string, std::less<>> m_texts;
    mutable std::map<std::string, std::string, std::less<>> m_missing;
};

using FormatArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Replaces "{name}" with the matching argument; unknown placeholders stay as they are.
std::string format(std::string_view pattern, FormatArgs args);

// Both languages' catalogs. Placeholders must match between languages (checked by the tests).
class Translations {
public:
    Translations() = default;
    Translations(Catalog zh, Catalog en) : m_zh(std::move(zh)), m_en(std::move(en)) {}
    static Result<Translations> load(const std::string& directory);

    const Catalog& catalog(Language lang) const { return lang == Language::Chinese ? m_zh : m_en; }

private:
    Catalog m_zh;
    Catalog m_en;
};

}  // namespace homedesk
