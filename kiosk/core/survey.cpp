#include "kiosk/core/survey.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

namespace {
using nlohmann::json;

struct Reader {
    std::optional<Error> error;
    void fail(const std::string& path, const std::string& what) {
        if (!error) error = invalidInput("survey definition", path + ": " + what);
    }
    std::string text(const json& j, const std::string& path, size_t maxChars) {
        if (!j.is_string()) return fail(path, "must be a string"), std::string();
        const auto& s = j.get_ref<const std::string&>();
        if (s.empty() || !utf8::isValid(s) || utf8::decode(s).size() > maxChars)
            return fail(path, "must be 1 to " + std::to_string(maxChars) + " characters of valid UTF-8"), std::string();
        return utf8::sanitize(s);
    }
    std::string id(const json& j, const std::string& path) {
        std::string s = text(j, path, 40);
        for (char c : s)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                return fail(path, "must be lower-case letters, digits, '_' or '-'"), std::string();
        return s;
    }
    LocalizedName name(const json& j, const std::string& path) {
        if (!j.is_object() || !j.contains("zh")) return fail(path, "must be an object with \"zh\" and \"en\""), LocalizedName{};
        LocalizedName n{text(j["zh"], path + ".zh", 60), ""};
        if (j.contains("en")) n.en = text(j["en"], path + ".en", 60);
        return n;
    }
};
}  // namespace

Result<SurveyDefinition> parseSurveyDefinition(const std::string& id, std::int64_t version, LocalizedName title,
                                               std::string_view definitionJson) {
    const json root = json::parse(definitionJson, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return invalidInput("survey definition", "not a JSON object");
    Reader r;
    SurveyDefinition d{id, version, std::move(title), {}, true};
    if (!root.contains("dimensions") || !root["dimensions"].is_array() || root["dimensions"].empty() ||
        root["dimensions"].size() > 12)
        return invalidInput("survey definition", "dimensions: must be an array of 1 to 12 dimensions");
    std::set<std::string> seen;
    for (size_t i = 0; i < root["dimensions"].size(); ++i) {
        const json& jd = root["dimensions"][i];
        const std::string path = "dimensions[" + std::to_string(i) + "]";
        if (!jd.is_object()) {
            r.fail(path, "must be an object");
            break;
        }
        SurveyDimension dim{r.id(jd.value("id", json()), path + ".id"), r.name(jd.value("name", json()), path + ".name"), {}};
        if (!seen.insert(dim.id).second) r.fail(path + ".id", "is used twice");
        if (jd.contains("follow_up")) {
            const json& choices = jd["follow_up"];
            if (!choices.is_array() || choices.size() > 8) r.fail(path + ".follow_up", "must be an array of up to 8 choices");
            else
                for (size_t k = 0; k < choices.size(); ++k) {
                    const std::string cpath = path + ".follow_up[" + std::to_string(k) + "]";
                    if (!choices[k].is_object()) {
                        r.fail(cpath, "must be an object");
                        break;
                    }
                    dim.followUps.push_back({r.id(choices[k].value("id", json()), cpath + ".id"),
                                             r.name(choices[k].value("name", json()), cpath + ".name")});
                }
        }
        d.dimensions.push_back(std::move(dim));
    }
    if (root.contains("suggestion")) {
        if (!root["suggestion"].is_boolean()) r.fail("suggestion", "must be true or false");
        else d.suggestion = root["suggestion"].get<bool>();
    }
    if (r.error) return *r.error;
    return d;
}

std::string answersJson(const SurveyAnswers& a) {
    json j = {{"scores", json::object()}, {"follow_up", json::object()}};
    for (const auto& [dim, score] : a.scores) j["scores"][dim] = score;
    for (const auto& [dim, choice] : a.followUps) j["follow_up"][dim] = choice;
    if (!a.suggestion.empty()) j["suggestion"] = a.suggestion;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace homedesk
