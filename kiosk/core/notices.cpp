#include "kiosk/core/notices.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

std::string_view toString(NoticeCategory c) {
    switch (c) {
        case NoticeCategory::Outage: return "outage";
        case NoticeCategory::Finance: return "finance";
        case NoticeCategory::Event: return "event";
        case NoticeCategory::General: return "general";
    }
    return "general";
}

std::optional<NoticeCategory> noticeCategoryFrom(std::string_view s) {
    for (NoticeCategory c : kNoticeCategories)
        if (toString(c) == s) return c;
    return std::nullopt;
}

std::vector<Notice> currentNotices(const std::vector<Notice>& all, std::int64_t now) {
    std::vector<Notice> out;
    for (const auto& n : all)
        if (n.currentAt(now)) out.push_back(n);
    std::stable_sort(out.begin(), out.end(), [](const Notice& a, const Notice& b) {
        if (a.emergency != b.emergency) return a.emergency;
        if (a.pinned != b.pinned) return a.pinned;
        if (a.publishAt != b.publishAt) return a.publishAt > b.publishAt;
        return a.id < b.id;
    });
    return out;
}

std::vector<const Notice*> filtered(const std::vector<Notice>& current, std::optional<NoticeCategory> category) {
    std::vector<const Notice*> out;
    for (const auto& n : current)
        if (!category || n.category == *category) out.push_back(&n);
    return out;
}

const Notice* activeEmergency(const std::vector<Notice>& all, std::int64_t now) {
    const Notice* best = nullptr;
    for (const auto& n : all)
        if (n.emergency && n.currentAt(now) && (!best || n.publishAt > best->publishAt)) best = &n;
    return best;
}

namespace {
using nlohmann::json;

struct FeedReader {
    std::string source;
    std::optional<Error> error;
    void fail(const std::string& path, const std::string& what) {
        if (!error) error = invalidInput(source, path + ": " + what);
    }
    std::string text(const json& n, const char* key, const std::string& path, size_t maxChars, bool required) {
        if (!n.contains(key)) {
            if (required) fail(path + "." + key, "is required");
            return {};
        }
        const json& j = n[key];
        if (!j.is_string() || !utf8::isValid(j.get_ref<const std::string&>()) ||
            utf8::decode(j.get_ref<const std::string&>()).size() > maxChars) {
            fail(path + "." + key, "must be valid UTF-8 text of at most " + std::to_string(maxChars) + " characters");
            return {};
        }
        return utf8::sanitize(j.get_ref<const std::string&>());
    }
    std::int64_t time(const json& n, const char* key, const std::string& path) {
        if (!n.contains(key)) return 0;
        if (!n[key].is_number_integer() || n[key].get<std::int64_t>() < 0) fail(path + "." + key, "must be unix seconds");
        return n[key].is_number_integer() ? n[key].get<std::int64_t>() : 0;
    }
    bool flag(const json& n, const char* key, const std::string& path) {
        if (!n.contains(key)) return false;
        if (!n[key].is_boolean()) fail(path + "." + key, "must be true or false");
        return n[key].is_boolean() && n[key].get<bool>();
    }
};
}  // namespace

Result<std::vector<Notice>> parseNoticeFeed(std::string_view text, const std::string& source) {
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("changes") || !root["changes"].is_array())
        return invalidInput(source, "not a notice feed: an object with a \"changes\" array");
    FeedReader r{source, std::nullopt};
    std::vector<Notice> out;
    const json& changes = root["changes"];
    for (size_t i = 0; i < changes.size(); ++i) {
        const std::string path = "changes[" + std::to_string(i) + "]";
        const json& j = changes[i];
        if (!j.is_object()) {
            r.fail(path, "must be an object");
            break;
        }
        Notice n;
        n.id = r.text(j, "id", path, 64, true);
        if (j.contains("revision") && (!j["revision"].is_number_integer() || j["revision"].get<std::int64_t>() < 1))
            r.fail(path + ".revision", "must be a whole number from 1");
        else if (j.contains("revision")) n.revision = j["revision"].get<std::int64_t>();
        n.title = {r.text(j, "title", path, 256, true), r.text(j, "title_en", path, 256, false)};
        n.body = {r.text(j, "body", path, 20000, false), r.text(j, "body_en", path, 20000, false)};
        const std::string category = j.contains("category") ? r.text(j, "category", path, 16, false) : "general";
        if (auto c = noticeCategoryFrom(category)) n.category = *c;
        else r.fail(path + ".category", "must be outage, finance, event or general");
        n.emergency = r.flag(j, "emergency", path);
        n.pinned = r.flag(j, "pinned", path);
        n.publishAt = r.time(j, "publish_at", path);
        if (j.contains("expire_at")) n.expireAt = r.time(j, "expire_at", path);
        if (r.flag(j, "retracted", path)) continue;  // a retraction in a feed file removes nothing here
        out.push_back(std::move(n));
    }
    if (r.error) return *r.error;
    return out;
}

Result<std::vector<Notice>> loadNoticeFeed(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ioError(path, "cannot open the notice file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseNoticeFeed(buffer.str(), path);
}

}  // namespace homedesk
