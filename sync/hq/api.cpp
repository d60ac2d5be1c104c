#include "sync/hq/api.hpp"

#include <spdlog/spdlog.h>

#include "sync/hq/api_handlers.hpp"
#include "sync/hq/credentials.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::hq {

using protocol::ErrorCode;

HqApi::HqApi(HqStore& store, NoticeHub* hub, Clock clock)
    : m_store(store), m_hub(hub), m_clock(std::move(clock)) {}

ApiResponse HqApi::handle(const ApiRequest& request) const noexcept {
    try {
        return route(request);
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", request.method, request.path, e.what());
    } catch (...) {
        spdlog::error("{} {}: unknown exception", request.method, request.path);
    }
    try {
        return detail::errorResponse(ErrorCode::ServerError, "internal error");
    } catch (...) {
        return {500, R"({"error":{"code":"server_error","message":"","retryable":true}})"};
    }
}

ApiResponse HqApi::route(const ApiRequest& request) const {
    if (!request.protocolVersion.empty() &&
        request.protocolVersion != std::to_string(protocol::kProtocolVersion))
        return detail::errorResponse(ErrorCode::VersionUnsupported,
                                     "this head office speaks protocol version " +
                                         std::to_string(protocol::kProtocolVersion));
    const std::string prefix(protocol::kApiPrefix);
    if (request.path.rfind(prefix, 0) != 0) return errorForStatus(404);
    const std::string path = request.path.substr(prefix.size());
    const bool get = request.method == "GET", post = request.method == "POST";
    detail::Context c{m_store, m_hub, m_clock, request, m_enrollFailures};

    using Handler = ApiResponse (*)(const detail::Context&, const TerminalRecord&);
    Handler handler = nullptr;
    bool known = true;
    if (path == "/enroll") {
        if (post) return detail::enroll(c);
    } else if (path == "/submissions") {
        if (post) handler = detail::submissions;
    } else if (path == "/notices") {
        if (get) handler = detail::notices;
    } else if (path == "/tickets/status") {
        if (get) handler = detail::ticketStatus;
    } else if (path == "/config") {
        if (get) handler = detail::config;
    } else if (path == "/heartbeat") {
        if (post) handler = detail::heartbeat;
    } else {
        known = false;
    }
    if (!known) return errorForStatus(404);
    if (!handler) return detail::errorResponse(ErrorCode::BadRequest,
                                               request.method + " is not allowed on " + path);

    const std::string bearer = "Bearer ";
    if (request.authorization.rfind(bearer, 0) != 0)
        return detail::errorResponse(ErrorCode::Unauthorized, "a bearer credential is required");
    auto terminal =
        m_store.terminalByCredential(credentialHash(request.authorization.substr(bearer.size())));
    if (!terminal) return detail::storeFailure(terminal.error());
    if (!terminal.value())
        return detail::errorResponse(ErrorCode::Unauthorized, "unknown credential; enroll again");
    if (terminal.value()->revoked_at)
        return detail::errorResponse(ErrorCode::Unauthorized,
                                     "this terminal was revoked; enroll it again");
    return handler(c, *terminal.value());
}

ApiResponse errorForStatus(int status) {
    switch (status) {
        case 404: return detail::errorResponse(ErrorCode::NotFound, "no such endpoint");
        case 413:
            return detail::errorResponse(ErrorCode::PayloadTooLarge,
                                         "request body larger than " +
                                             std::to_string(protocol::kMaxRequestBytes) + " bytes");
        case 400: return detail::errorResponse(ErrorCode::BadRequest, "malformed HTTP request");
        case 503: return detail::errorResponse(ErrorCode::Unavailable, "try again later");
        default:
            if (status >= 500)
                return detail::errorResponse(ErrorCode::ServerError, "internal error");
            ApiResponse r = detail::errorResponse(
                ErrorCode::BadRequest, "request refused (HTTP " + std::to_string(status) + ")");
            r.status = status;
            return r;
    }
}

}  // namespace homedesk::hq
