#include "kiosk/app/demo_survey.hpp"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "kiosk/core/survey.hpp"

namespace homedesk::app {

Result<bool> seedSurveyIfMissing(store::SqliteSurveys& surveys, const std::string& path,
                                 std::int64_t now) {
    std::ifstream in(path);
    if (!in) return ioError(path, "cannot open the demo survey");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string() ||
        !j.contains("version") || !j["version"].is_number_integer() || !j.contains("title") ||
        !j["title"].is_object() || !j.contains("definition") || !j["definition"].is_object())
        return invalidInput(
            path,
            "must be {\"id\", \"version\", \"title\": {\"zh\", \"en\"}, \"definition\": {...}}");
    const std::string id = j["id"];
    const auto have = surveys.latest(id);
    if (!have) return have.error();
    if (have->has_value()) return false;

    const LocalizedName title{j["title"].value("zh", ""), j["title"].value("en", "")};
    const std::string definition = j["definition"].dump();
    auto parsed = parseSurveyDefinition(id, j["version"].get<std::int64_t>(), title, definition);
    if (!parsed) return invalidInput(path, parsed.error().message);
    auto saved = surveys.saveDefinition({id, parsed->version, title.zh, title.en, definition}, now);
    if (!saved) return saved.error();
    return true;
}

}  // namespace homedesk::app
