#include "kiosk/core/directory_json.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

namespace {
using nlohmann::json;

struct Reader {
    std::string source;
    std::optional<Error> error;

    void fail(const std::string& path, const std::string& what) {
        if (!error) error = invalidInput(source, path + ": " + what);
    }
    std::string text(const json& j, const std::string& path, size_t maxChars = 64) {
        if (!j.is_string()) {
            fail(path, "must be a string");
            return {};
        }
        const auto& s = j.get_ref<const std::string&>();
        if (s.empty() || !utf8::isValid(s) || utf8::decode(s).size() > maxChars) {
            fail(path, "must be 1 to " + std::to_string(maxChars) + " characters of valid UTF-8");
            return {};
        }
        return utf8::sanitize(s);
    }
    LocalizedName name(const json& j, const std::string& path) {
        if (!j.is_object() || !j.contains("zh")) {
            fail(path, "must be an object with \"zh\" (and optionally \"en\")");
            return {};
        }
        LocalizedName n{text(j["zh"], path + ".zh"), ""};
        if (j.contains("en")) n.en = text(j["en"], path + ".en");
        return n;
    }
    const json& array(const json& root, const char* key) {
        static const json empty = json::array();
        if (!root.contains(key)) return empty;
        if (!root[key].is_array()) fail(key, "must be an array");
        return root[key].is_array() ? root[key] : empty;
    }
};
}  // namespace

Result<Directory> parseDirectory(std::string_view text, const std::string& source) {
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return invalidInput(source, "not a JSON object");
    Reader r{source, std::nullopt};
    Directory d;
    d.community = r.name(root.value("community", json()), "community");
    std::set<std::string> buildingIds, placeIds;
    const auto& buildings = r.array(root, "buildings");
    for (size_t i = 0; i < buildings.size(); ++i) {
        const std::string path = "buildings[" + std::to_string(i) + "]";
        Building b{r.text(buildings[i].value("id", json()), path + ".id", 32), r.name(buildings[i].value("name", json()), path + ".name")};
        if (!buildingIds.insert(b.id).second) r.fail(path + ".id", "\"" + b.id + "\" appears twice");
        d.buildings.push_back(std::move(b));
    }
    const auto& places = r.array(root, "places");
    for (size_t i = 0; i < places.size(); ++i) {
        const std::string path = "places[" + std::to_string(i) + "]";
        Place p{r.text(places[i].value("id", json()), path + ".id", 32), r.text(places[i].value("building", json()), path + ".building", 32),
                r.name(places[i].value("name", json()), path + ".name")};
        if (!buildingIds.count(p.buildingId)) r.fail(path + ".building", "no building \"" + p.buildingId + "\"");
        if (!placeIds.insert(p.id).second) r.fail(path + ".id", "\"" + p.id + "\" appears twice");
        d.places.push_back(std::move(p));
    }
    const auto& stewards = r.array(root, "stewards");
    for (size_t i = 0; i < stewards.size(); ++i) {
        const std::string path = "stewards[" + std::to_string(i) + "]";
        Steward s{r.text(stewards[i].value("building", json()), path + ".building", 32), r.name(stewards[i].value("name", json()), path + ".name"),
                  r.text(stewards[i].value("phone", json()), path + ".phone", 20)};
        if (!buildingIds.count(s.buildingId)) r.fail(path + ".building", "no building \"" + s.buildingId + "\"");
        d.stewards.push_back(std::move(s));
    }
    // The service guide: each section a list of {what, detail} (emergency numbers: {what, phone}).
    const auto guide = [&](const char* key, std::vector<GuideRow>& rows, bool phone) {
        const auto& list = r.array(root, key);
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
            if (!list[i].is_object()) {
                r.fail(path, "must be an object");
                continue;
            }
            GuideRow row{r.name(list[i].value("what", json()), path + ".what"), {}};
            if (phone) row.detail.zh = r.text(list[i].value("phone", json()), path + ".phone", 20);
            else row.detail = r.name(list[i].value("detail", json()), path + ".detail");
            rows.push_back(std::move(row));
        }
    };
    guide("service_hours", d.serviceHours, false);
    guide("fees", d.fees, false);
    guide("promises", d.promises, false);
    guide("emergency_numbers", d.emergencyNumbers, true);
    if (d.buildings.empty()) r.fail("buildings", "at least one building is needed");
    if (r.error) return *r.error;
    return d;
}

Result<Directory> loadDirectory(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ioError(path, "cannot open the community directory");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseDirectory(buffer.str(), path);
}

}  // namespace homedesk
