#include "kiosk/core/i18n.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

std::string_view languageCode(Language lang) { return lang == Language::Chinese ? "zh" : "en"; }

Result<Language> parseLanguage(std::string_view code) {
    if (code == "zh") return Language::Chinese;
    if (code == "en") return Language::English;
    return invalidInput("language", "unknown language \"" + std::string(code) +
                                        "\": use \"zh\" (Chinese) or \"en\" (English)");
}

Result<Catalog> Catalog::parse(std::string_view json, std::string_view source) {
    const std::string where(source);
    const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return invalidInput(where, "not valid JSON");
    if (!doc.is_object()) return invalidInput(where, "expected a JSON object of key: text");
    Catalog catalog;
    for (const auto& [key, value] : doc.items()) {
        if (!value.is_string()) return invalidInput(where, "\"" + key + "\" is not a string");
        const auto& text = value.get_ref<const std::string&>();
        if (text.empty()) return invalidInput(where, "\"" + key + "\" is empty");
        if (!utf8::isValid(text)) return invalidInput(where, "\"" + key + "\" is not valid UTF-8");
        catalog.m_texts.emplace(key, text);
    }
    return catalog;
}

const std::string& Catalog::text(std::string_view key) const {
    if (auto it = m_texts.find(key); it != m_texts.end()) return it->second;
    auto [it, inserted] = m_missing.try_emplace(std::string(key), std::string(key));
    return it->second;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    out.reserve(m_texts.size());
    for (const auto& [key, text] : m_texts) out.push_back(key);
    return out;
}

std::string format(std::string_view pattern, FormatArgs args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    size_t pos = 0;
    while (pos < pattern.size()) {
        const size_t open = pattern.find('{', pos);
        if (open == std::string_view::npos) break;
        const size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(pos, open - pos));
        const auto name = pattern.substr(open + 1, close - open - 1);
        bool replaced = false;
        for (const auto& [argName, value] : args) {
            if (argName == name) {
                out.append(value);
                replaced = true;
                break;
            }
        }
        if (!replaced) out.append(pattern.substr(open, close - open + 1));
        pos = close + 1;
    }
    out.append(pattern.substr(pos));
    return out;
}

static Result<Catalog> loadCatalog(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ioError(path, "cannot open the text catalog");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return Catalog::parse(buffer.str(), path);
}

Result<Translations> Translations::load(const std::string& directory) {
    auto zh = loadCatalog(directory + "/zh.json");
    if (!zh) return zh.error();
    auto en = loadCatalog(directory + "/en.json");
    if (!en) return en.error();
    return Translations(std::move(zh).value(), std::move(en).value());
}

}  // namespace homedesk
