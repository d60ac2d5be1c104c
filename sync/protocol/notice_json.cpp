#include "sync/protocol/json_io.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {

std::string_view toString(NoticeCategory category) {
    switch (category) {
        case NoticeCategory::Outage: return "outage";
        case NoticeCategory::Finance: return "finance";
        case NoticeCategory::Event: return "event";
        case NoticeCategory::General: return "general";
    }
    return "general";
}

std::optional<NoticeCategory> noticeCategoryFrom(std::string_view s) {
    for (auto c : {NoticeCategory::Outage, NoticeCategory::Finance, NoticeCategory::Event,
                   NoticeCategory::General})
        if (toString(c) == s) return c;
    return std::nullopt;
}

namespace detail {

void toJson(nlohmann::json& j, const Notice& m) {
    j = {{"id", m.id},
         {"revision", m.revision},
         {"title", m.title},
         {"body", m.body},
         {"category", toString(m.category)},
         {"emergency", m.emergency},
         {"pinned", m.pinned},
         {"publish_at", m.publish_at},
         {"retracted", m.retracted}};
    if (m.expire_at) j["expire_at"] = *m.expire_at;
    // Written only when there is a translation: absent means none.
    if (m.title_en && !m.title_en->empty()) j["title_en"] = *m.title_en;
    if (m.body_en && !m.body_en->empty()) j["body_en"] = *m.body_en;
}

void readJson(FieldReader& r, Notice& m) {
    m.id = r.string("id", TextKind::Id, 64);
    m.revision = r.integer("revision", 1, INT64_MAX);
    m.retracted = r.boolean("retracted", false);
    // A retraction carries no text.
    m.title = r.optString("title", TextKind::Line, 256).value_or("");
    m.body = r.optString("body", TextKind::Text, 20000).value_or("");
    if (r.ok() && !m.retracted && m.title.empty()) r.fail("title", "is required");
    // The English translation is optional; an empty string means none, like absent.
    m.title_en = r.optString("title_en", TextKind::Line, 256);
    m.body_en = r.optString("body_en", TextKind::Text, 20000);
    if (m.title_en && m.title_en->empty()) m.title_en.reset();
    if (m.body_en && m.body_en->empty()) m.body_en.reset();
    if (r.ok() && m.body_en && !m.title_en) r.fail("body_en", "needs title_en");
    if (m.retracted) {
        m.title_en.reset();
        m.body_en.reset();
    }
    const std::string category = r.optString("category", TextKind::Id, 16).value_or("general");
    if (r.ok()) {
        if (auto c = noticeCategoryFrom(category)) m.category = *c;
        else r.fail("category", "must be outage, finance, event or general");
    }
    m.emergency = r.boolean("emergency", false);
    m.pinned = r.boolean("pinned", false);
    m.publish_at = r.integer("publish_at", 0, 253402300799);
    m.expire_at = r.optInteger("expire_at", 0, 253402300799);
}

void toJson(nlohmann::json& j, const NoticeFeed& m) {
    j = {{"changes", arrayJson(m.changes)}, {"cursor", m.cursor}, {"more", m.more}};
}

void readJson(FieldReader& r, NoticeFeed& m) {
    readArray(r, "changes", kMaxFeedPage, m.changes);
    m.cursor = r.string("cursor", TextKind::Id, 64);
    m.more = r.boolean("more", false);
}

}  // namespace detail
}  // namespace homedesk::protocol
