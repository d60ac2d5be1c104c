#include "sync/protocol/json_io.hpp"

namespace homedesk::protocol::detail {

void toJson(nlohmann::json& j, const NoticeDisplay& m) {
    j = {{"notice_id", m.notice_id},
         {"revision", m.revision},
         {"shown_at", m.shown_at},
         {"shown_for_s", m.shown_for_s}};
}

void readJson(FieldReader& r, NoticeDisplay& m) {
    m.notice_id = r.string("notice_id", TextKind::Id, 64);
    m.revision = r.integer("revision", 1, INT64_MAX);
    m.shown_at = r.integer("shown_at", 0, 253402300799);
    m.shown_for_s = r.optInteger("shown_for_s", 0, 86400 * 366).value_or(0);
}

void toJson(nlohmann::json& j, const Heartbeat& m) {
    j = {{"app_version", m.app_version},
         {"sent_at", m.sent_at},
         {"queue_depth", m.queue_depth},
         {"displayed", arrayJson(m.displayed)},
         {"errors", m.errors}};
    if (m.oldest_unsent_age_s) j["oldest_unsent_age_s"] = *m.oldest_unsent_age_s;
}

void readJson(FieldReader& r, Heartbeat& m) {
    m.app_version = r.string("app_version", TextKind::Line, 64);
    m.sent_at = r.integer("sent_at", 0, 253402300799);
    m.queue_depth = r.integer("queue_depth", 0, INT64_MAX);
    m.oldest_unsent_age_s = r.optInteger("oldest_unsent_age_s", 0, INT64_MAX);
    readArray(r, "displayed", 1000, m.displayed);
    if (const nlohmann::json* errors = r.array("errors", 50)) {
        for (std::size_t i = 0; i < errors->size() && r.ok(); ++i) {
            const auto& e = (*errors)[i];
            if (!e.is_string() || e.get_ref<const std::string&>().size() > 500 ||
                !isValidText(e.get_ref<const std::string&>(), TextKind::Line))
                r.failWith(r.childPath("errors", i) + ": expected one line of at most 500 bytes");
            else m.errors.push_back(e.get<std::string>());
        }
    }
}

void toJson(nlohmann::json& j, const HeartbeatAck& m) {
    j = {{"server_time", m.server_time}, {"config_version", m.config_version}};
}

void readJson(FieldReader& r, HeartbeatAck& m) {
    m.server_time = r.integer("server_time", 0, INT64_MAX);
    m.config_version = r.integer("config_version", 0, INT64_MAX);
}

}  // namespace homedesk::protocol::detail
