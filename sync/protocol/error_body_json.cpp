#include "sync/protocol/json_io.hpp"

namespace homedesk::protocol::detail {

void toJson(nlohmann::json& j, const ErrorBody& m) {
    j = {{"error",
          {{"code", wireName(m.error.code)},
           {"message", m.error.message},
           {"retryable", m.error.retryable()}}}};
}

void readJson(FieldReader& r, ErrorBody& m) {
    const nlohmann::json* e = r.object("error");
    if (!e) return;
    FieldReader er(*e, r.path().empty() ? "error" : r.path() + ".error");
    const std::string code = er.string("code", TextKind::Id, 32);
    m.error.message = er.optString("message", TextKind::Text, 2000).value_or("");
    if (er.ok()) {
        // An unknown code from a newer head office still reads, as a server error.
        m.error.code = errorCodeFromWire(code).value_or(ErrorCode::ServerError);
    }
    if (!er.ok()) r.failWith(er.error());
}

}  // namespace homedesk::protocol::detail
