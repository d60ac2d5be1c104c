// /console/api/notices: the list with delivery counts, one notice with its terminals, publish,
// revise, retract. A notice is visible to a staff member when one of its targets lies in their
// scope, and changeable only when all of them do ("all" needs scope "*"); else 404.
#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <sstream>

#include "sync/hq/console/console_handlers.hpp"
#include "sync/hq/console/notice_preview.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq::console {
namespace {

using nlohmann::json;

// Which community each building and terminal belongs to.
struct Places {
    std::map<std::string, std::string> community;  // "community:c1" etc. -> c1
};

Result<Places> loadPlaces(HqStore& store) {
    Places p;
    auto dir = store.communityDirectory();
    if (!dir) return dir.error();
    for (const auto& c : dir.value()) {
        p.community["community:" + c.id] = c.id;
        for (const auto& b : c.buildings) p.community["building:" + b.id] = c.id;
    }
    auto fleet = store.fleet();
    if (!fleet) return fleet.error();
    for (const auto& t : fleet.value())
        p.community["terminal:" + t.terminal.id] = t.terminal.community_id;
    return p;
}

// Nothing: the target does not exist. Else whether it lies in the user's scope.
std::optional<bool> targetInScope(const NoticeTarget& t, const StaffUser& u, const Places& p) {
    if (t.kind == TargetKind::All) return u.allCommunities;
    auto it = p.community.find(std::string(toString(t.kind)) + ":" + t.ref);
    if (it == p.community.end()) return std::nullopt;
    return u.inScope(it->second);
}

bool visible(const NoticeDraft& d, const StaffUser& u, const Places& p) {
    for (const auto& t : d.targets)
        if (t.kind == TargetKind::All || targetInScope(t, u, p).value_or(false)) return true;
    return false;
}

bool changeable(const NoticeDraft& d, const StaffUser& u, const Places& p) {
    for (const auto& t : d.targets)
        if (!targetInScope(t, u, p).value_or(false)) return false;
    return true;
}

// Also within one community: a community filter shows notices that reach it.
bool reaches(const NoticeDraft& d, const std::string& community, const Places& p) {
    for (const auto& t : d.targets) {
        if (t.kind == TargetKind::All) return true;
        auto it = p.community.find(std::string(toString(t.kind)) + ":" + t.ref);
        if (it != p.community.end() && it->second == community) return true;
    }
    return false;
}

std::string state(const NoticeRow& n, std::int64_t now) {
    if (n.retracted_at) return "retracted";
    if (n.draft.expire_at && *n.draft.expire_at <= now) return "expired";
    if (n.draft.publish_at > now) return "scheduled";
    return "live";
}

json optional(const std::optional<std::int64_t>& v) {
    return v ? json(*v) : json(nullptr);
}

json noticeJson(const NoticeRow& n, std::int64_t now) {
    json targets = json::array();
    for (const auto& t : n.draft.targets)
        targets.push_back({{"kind", toString(t.kind)}, {"ref", t.ref}});
    return {{"id", n.id},
            {"revision", n.revision},
            {"title", n.draft.title},
            {"body", n.draft.body},
            {"title_en", n.draft.title_en},
            {"body_en", n.draft.body_en},
            {"category", protocol::toString(n.draft.category)},
            {"emergency", n.draft.emergency},
            {"pinned", n.draft.pinned},
            {"publish_at", n.draft.publish_at},
            {"expire_at", optional(n.draft.expire_at)},
            {"retracted_at", optional(n.retracted_at)},
            {"state", state(n, now)},
            {"targets", targets},
            {"terminals", n.terminals},
            {"delivered", n.delivered},
            {"displayed", n.displayed}};
}

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool mayRead(StaffRole r) {
    return r != StaffRole::Technician;
}
bool mayWrite(StaffRole r) {
    return r == StaffRole::Admin || r == StaffRole::NoticeEditor;
}

// Bidirectional controls (U+061C, U+200E/F, U+202A-E, U+2066-9) could reorder a one-line title.
bool hasBidi(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
        if (b0 == 0xD8 && b1 == 0x9C) return true;
        if (i + 2 >= s.size() || b0 != 0xE2) continue;
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return true;
        if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;
    }
    return false;
}

bool line(const json& j, const char* key, std::size_t max, bool required, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return !required;
    if (!j[key].is_string()) return false;
    out = j[key].get<std::string>();
    if (out.empty()) return !required;
    return out.size() <= max && protocol::isValidText(out, protocol::TextKind::Line) &&
           !hasBidi(out);
}

bool text(const json& j, const char* key, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_string()) return false;
    out = j[key].get<std::string>();
    return out.size() <= 20000 &&
           (out.empty() || protocol::isValidText(out, protocol::TextKind::Text));
}

// NoticeBody (docs/console.md) into a draft; an error message when it is not one.
std::optional<NoticeDraft> parseBody(const json& j, std::int64_t now, std::string& error) {
    NoticeDraft d;
    if (!line(j, "title", 256, true, d.title))
        error = "title: one line of 1..256 bytes";
    else if (!text(j, "body", d.body))
        error = "body: at most 20000 bytes, no control characters";
    else if (!line(j, "title_en", 256, false, d.title_en))
        error = "title_en: one line, at most 256 bytes";
    else if (!text(j, "body_en", d.body_en))
        error = "body_en: at most 20000 bytes";
    else if (d.title_en.empty() && !d.body_en.empty())
        error = "body_en needs title_en";
    if (!error.empty()) return std::nullopt;
    const std::string category = j.value("category", std::string("general"));
    auto parsed = protocol::noticeCategoryFrom(category);
    if (!parsed) {
        error = "category: outage, finance, event or general";
        return std::nullopt;
    }
    d.category = *parsed;
    for (const char* flag : {"emergency", "pinned"})
        if (j.contains(flag) && !j[flag].is_boolean()) {
            error = std::string(flag) + ": true or false";
            return std::nullopt;
        }
    d.emergency = j.value("emergency", false);
    d.pinned = j.value("pinned", false);
    d.publish_at = now;
    if (j.contains("publish_at") && !j["publish_at"].is_null()) {
        if (!j["publish_at"].is_number_integer()) {
            error = "publish_at: unix seconds";
            return std::nullopt;
        }
        d.publish_at = j["publish_at"].get<std::int64_t>();
    }
    if (j.contains("expire_at") && !j["expire_at"].is_null()) {
        if (!j["expire_at"].is_number_integer() ||
            j["expire_at"].get<std::int64_t>() <= d.publish_at) {
            error = "expire_at: unix seconds after publish_at";
            return std::nullopt;
        }
        d.expire_at = j["expire_at"].get<std::int64_t>();
    }
    if (!j.contains("targets") || !j["targets"].is_array() || j["targets"].empty() ||
        j["targets"].size() > 200) {
        error = "targets: 1..200 of {kind, ref}";
        return std::nullopt;
    }
    for (const auto& t : j["targets"]) {
        if (!t.is_object() || !t.contains("kind") || !t["kind"].is_string()) {
            error = "targets: each needs a kind";
            return std::nullopt;
        }
        const std::string kind = t["kind"].get<std::string>();
        const std::string ref =
            t.contains("ref") && t["ref"].is_string() ? t["ref"].get<std::string>() : "";
        auto target = parseTarget(kind == "all" ? std::string("all") : kind + ":" + ref);
        if (!target) {
            error = "targets: kind all, community, building or terminal with its ref";
            return std::nullopt;
        }
        d.targets.push_back(*target);
    }
    return d;
}

ConsoleResponse list(const ConsoleContext& c, const Places& places) {
    const std::string community = queryValue(c.request, "community");
    const std::string wanted = queryValue(c.request, "state");
    if (!community.empty() && !c.user.inScope(community)) return notFound();
    auto rows = c.store.consoleNotices();
    if (!rows) return storeFailure(rows.error());
    json items = json::array();
    for (const auto& n : rows.value()) {
        if (!visible(n.draft, c.user, places)) continue;
        if (!community.empty() && !reaches(n.draft, community, places)) continue;
        if (!wanted.empty() && state(n, c.now) != wanted) continue;
        json item = noticeJson(n, c.now);
        item.erase("body");
        item.erase("body_en");
        items.push_back(std::move(item));
    }
    return consoleJson(200, dump({{"items", items}}));
}

ConsoleResponse detail(const ConsoleContext& c, const NoticeRow& n) {
    auto terminals = c.store.noticeTerminals(n.id);
    if (!terminals) return storeFailure(terminals.error());
    json list = json::array();
    for (const auto& t : terminals.value()) {
        if (!c.user.inScope(t.community_id)) continue;  // another community's screens stay hidden
        json displays = json::array();
        for (const auto& d : t.displays)
            displays.push_back({{"revision", d.revision},
                                {"shown_at", d.shown_at},
                                {"shown_for_s", d.shown_for_s}});
        list.push_back({{"terminal_id", t.terminal_id},
                        {"name", t.name},
                        {"community_id", t.community_id},
                        {"delivered_at", optional(t.delivered_at)},
                        {"displays", displays}});
    }
    json body = noticeJson(n, c.now);
    body["delivery"] = list;
    return consoleJson(200, dump(body));
}

// POST /preview: the real terminal draws the draft (a few seconds); GET
// /preview/<set>/<variant>.png answers one of the images. Any editor may preview: nothing is stored
// but the images.
ConsoleResponse previewRoutes(const ConsoleContext& c, std::string_view rest,
                              NoticePreviewer& previewer) {
    if (rest.empty() && c.request.method == "POST") {
        if (!mayWrite(c.user.role)) return forbidden();
        auto body = bodyObject(c.request);
        if (!body) return consoleError(400, "bad_request", "a JSON object is needed");
        // Targets do not change how a notice looks; a preview may come before they are chosen.
        if (!body->contains("targets")) (*body)["targets"] = json::array({{{"kind", "all"}}});
        std::string error;
        auto draft = parseBody(*body, c.now, error);
        if (!draft) return consoleError(400, "bad_request", error);
        protocol::Notice n;
        n.title = draft->title;
        n.body = draft->body;
        if (!draft->title_en.empty()) n.title_en = draft->title_en;
        if (!draft->body_en.empty()) n.body_en = draft->body_en;
        n.category = draft->category;
        n.emergency = draft->emergency;
        n.pinned = draft->pinned;
        n.publish_at = draft->publish_at;
        n.expire_at = draft->expire_at;
        auto set = previewer.render(n, c.now);
        if (!set) {
            spdlog::warn("notice preview: {}", set.error().message);
            return consoleError(503, "unavailable", "the preview could not be drawn; try again");
        }
        json images = json::array();
        for (const PreviewImage& image : set->images)
            images.push_back({{"variant", image.variant},
                              {"url", "/console/api/notices/preview/" + set->id + "/" +
                                          image.variant + ".png"}});
        return consoleJson(200, dump({{"images", images}}));
    }
    if (c.request.method != "GET" || !rest.starts_with("/") || !rest.ends_with(".png"))
        return notFound();
    const std::string_view path = rest.substr(1, rest.size() - 5);  // <set>/<variant>
    const auto slash = path.find('/');
    if (slash == std::string_view::npos) return notFound();
    auto file = previewer.imageFile(std::string(path.substr(0, slash)),
                                    std::string(path.substr(slash + 1)));
    if (!file) return notFound();
    std::ifstream in(*file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return notFound();
    ConsoleResponse r = consoleJson(200, bytes.str());
    r.contentType = "image/png";
    return r;
}

}  // namespace

ConsoleResponse noticeRoutes(const ConsoleContext& c, std::string_view rest,
                             NoticePreviewer* previewer) {
    if (!mayRead(c.user.role)) return forbidden();
    auto places = loadPlaces(c.store);
    if (!places) return storeFailure(places.error());
    const std::string& method = c.request.method;
    const ConsoleActor by{c.user.username, c.request.clientAddress, c.now};
    if (rest.empty() || rest == "/") {
        if (method == "GET") return list(c, places.value());
        if (method != "POST") return consoleError(405, "bad_request", "GET or POST");
        if (!mayWrite(c.user.role)) return forbidden();
        auto body = bodyObject(c.request);
        if (!body) return consoleError(400, "bad_request", "a JSON object is needed");
        std::string error;
        auto draft = parseBody(*body, c.now, error);
        if (!draft) return consoleError(400, "bad_request", error);
        if (!changeable(*draft, c.user, places.value())) return notFound();
        auto id = c.store.createNotice(*draft, by);
        if (!id) return storeFailure(id.error());
        return consoleJson(201, dump({{"id", id.value()}}));
    }
    if (rest == "/preview" || rest.starts_with("/preview/")) {
        if (!previewer)
            return consoleError(404, "not_found", "preview is not available on this head office");
        return previewRoutes(c, rest.substr(8), *previewer);
    }
    std::string id(rest.substr(1));
    std::string action;
    if (auto slash = id.find('/'); slash != std::string::npos) {
        action = id.substr(slash + 1);
        id.resize(slash);
    }
    if (!protocol::isValidText(id, protocol::TextKind::Id)) return notFound();
    auto row = c.store.consoleNotice(id);
    if (!row) return storeFailure(row.error());
    if (!row.value() || !visible(row.value()->draft, c.user, places.value())) return notFound();
    const NoticeRow& n = *row.value();
    if (action.empty() && method == "GET") return detail(c, n);
    if (!mayWrite(c.user.role)) return forbidden();
    if (!changeable(n.draft, c.user, places.value())) return notFound();
    if (action.empty() && method == "PUT") {
        auto body = bodyObject(c.request);
        if (!body) return consoleError(400, "bad_request", "a JSON object is needed");
        std::string error;
        auto draft = parseBody(*body, c.now, error);
        if (!draft) return consoleError(400, "bad_request", error);
        if (!changeable(*draft, c.user, places.value())) return notFound();
        auto revised = c.store.reviseNotice(id, *draft, by);
        if (!revised) return storeFailure(revised.error());
        if (!revised.value())
            return consoleError(409, "conflict", "a retracted notice cannot be revised");
        auto again = c.store.consoleNotice(id);
        if (!again || !again.value()) return storeFailure(again ? Error{} : again.error());
        return detail(c, *again.value());
    }
    if (action == "retract" && method == "POST") {
        auto retracted = c.store.retractNoticeBy(id, by);
        if (!retracted) return storeFailure(retracted.error());
        if (!retracted.value()) return consoleError(409, "conflict", "already retracted");
        auto again = c.store.consoleNotice(id);
        if (!again || !again.value()) return storeFailure(again ? Error{} : again.error());
        return detail(c, *again.value());
    }
    return consoleError(405, "bad_request", "not a notice action");
}

}  // namespace homedesk::hq::console
