#include "sync/protocol/json_io.hpp"

namespace homedesk::protocol::detail {

void toJson(nlohmann::json& j, const Building& m) { j = {{"id", m.id}, {"name", m.name}}; }

void readJson(FieldReader& r, Building& m) {
    m.id = r.string("id", TextKind::Id, 64);
    m.name = r.string("name", TextKind::Line, 256);
}

void toJson(nlohmann::json& j, const TerminalConfig& m) {
    j = {{"config_version", m.config_version},
         {"terminal_id", m.terminal_id},
         {"community_id", m.community_id},
         {"community_name", m.community_name},
         {"buildings", arrayJson(m.buildings)},
         {"signing_public_key", m.signing_public_key},
         {"settings",
          {{"idle_timeout_s", m.settings.idle_timeout_s},
           {"heartbeat_interval_s", m.settings.heartbeat_interval_s},
           {"notice_wait_s", m.settings.notice_wait_s}}}};
}

void readJson(FieldReader& r, TerminalConfig& m) {
    m.config_version = r.integer("config_version", 0, INT64_MAX);
    m.terminal_id = r.string("terminal_id", TextKind::Id, 64);
    m.community_id = r.string("community_id", TextKind::Id, 64);
    m.community_name = r.string("community_name", TextKind::Line, 256);
    readArray(r, "buildings", 1000, m.buildings);
    m.signing_public_key = r.string("signing_public_key", TextKind::Id, 64);
    if (const nlohmann::json* s = r.object("settings")) {
        FieldReader sr(*s, r.path().empty() ? "settings" : r.path() + ".settings");
        m.settings.idle_timeout_s = static_cast<int>(sr.integer("idle_timeout_s", 10, 3600));
        m.settings.heartbeat_interval_s =
            static_cast<int>(sr.integer("heartbeat_interval_s", 5, 86400));
        m.settings.notice_wait_s = static_cast<int>(sr.integer("notice_wait_s", 0, 30));
        if (!sr.ok()) r.failWith(sr.error());
    }
}

}  // namespace homedesk::protocol::detail
