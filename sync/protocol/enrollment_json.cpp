#include "sync/protocol/json_io.hpp"

namespace homedesk::protocol::detail {

void toJson(nlohmann::json& j, const EnrollRequest& m) {
    j = {{"code", m.code}, {"device_name", m.device_name}, {"app_version", m.app_version}};
}

void readJson(FieldReader& r, EnrollRequest& m) {
    m.code = r.string("code", TextKind::Id, 64);
    m.device_name = r.optString("device_name", TextKind::Line, 128).value_or("");
    m.app_version = r.optString("app_version", TextKind::Line, 64).value_or("");
}

void toJson(nlohmann::json& j, const EnrollResponse& m) {
    j = {{"terminal_id", m.terminal_id},
         {"credential", m.credential},
         {"community_id", m.community_id},
         {"community_name", m.community_name},
         {"signing_public_key", m.signing_public_key}};
}

void readJson(FieldReader& r, EnrollResponse& m) {
    m.terminal_id = r.string("terminal_id", TextKind::Id, 64);
    m.credential = r.string("credential", TextKind::Id, 128);
    m.community_id = r.string("community_id", TextKind::Id, 64);
    m.community_name = r.string("community_name", TextKind::Line, 256);
    m.signing_public_key = r.string("signing_public_key", TextKind::Id, 64);
}

}  // namespace homedesk::protocol::detail
