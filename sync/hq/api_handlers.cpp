// Shared answers and the small endpoints: enroll, config, heartbeat.
#include "sync/hq/api_handlers.hpp"

#include <spdlog/spdlog.h>

#include "sync/hq/credentials.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/signing_key.hpp"

namespace homedesk::hq::detail {

using protocol::ErrorCode;

ApiResponse errorResponse(ErrorCode code, const std::string& message) {
    protocol::ProtocolError error{code, message};
    return {error.httpStatus(), protocol::encode(protocol::ErrorBody{error})};
}

ApiResponse storeFailure(const Error& error) {
    spdlog::error("{}: {}", error.where, error.message);
    return error.retryable ? errorResponse(ErrorCode::Unavailable, "storage busy, try again")
                           : errorResponse(ErrorCode::ServerError, "storage failure");
}

template <typename T>
ApiResponse ok(const T& message, int status) {
    return {status, protocol::encode(message)};
}

template ApiResponse ok(const protocol::SubmissionBatchResult&, int);
template ApiResponse ok(const protocol::NoticeFeed&, int);
template ApiResponse ok(const protocol::TicketStatusFeed&, int);

ApiResponse enroll(const Context& c) {
    const std::string& from = c.request.clientAddress;
    const std::int64_t now = c.clock();
    if (const std::int64_t wait = c.enrollFailures.wait(from, now); wait > 0) {
        spdlog::warn("enrollment refused: too many wrong codes from {}", from);
        return errorResponse(ErrorCode::RateLimited,
                             "too many wrong enrollment codes from this address; try again in " +
                                 std::to_string((wait + 59) / 60) + " min");
    }
    auto request = protocol::decode<protocol::EnrollRequest>(c.request.body);
    if (!request) return errorResponse(ErrorCode::BadRequest, request.error().message);
    const std::string credential = newCredential();
    auto outcome = c.store.enroll(request->code, request->device_name, credentialHash(credential),
                                  now);
    if (!outcome) return storeFailure(outcome.error());
    if (outcome->problem != EnrollProblem::None) {
        c.enrollFailures.count(from, now);
        // Never the code itself: a near miss would tell a reader of the log most of a real one.
        spdlog::warn("enrollment failed from {}: {}", from,
                     outcome->problem == EnrollProblem::AlreadyUsed ? "code already used"
                                                                    : "code unknown or expired");
    }
    switch (outcome->problem) {
        case EnrollProblem::UnknownOrExpired:
            return errorResponse(ErrorCode::Forbidden, "enrollment code unknown or expired");
        case EnrollProblem::AlreadyUsed:
            return errorResponse(ErrorCode::Conflict, "enrollment code already used");
        case EnrollProblem::None: break;
    }
    const TerminalRecord& t = *outcome->terminal;
    auto config = c.store.terminalConfig(t);
    if (!config) return storeFailure(config.error());
    spdlog::info("terminal {} enrolled in community {}", t.id, t.community_id);
    protocol::EnrollResponse response{t.id, credential, t.community_id, config->community_name,
                                      config->signing_public_key};
    return {201, protocol::encode(response)};
}

ApiResponse config(const Context& c, const TerminalRecord& t) {
    auto config = c.store.terminalConfig(t);
    if (!config) return storeFailure(config.error());
    return {200, protocol::encode(config.value())};
}

ApiResponse heartbeat(const Context& c, const TerminalRecord& t) {
    auto hb = protocol::decode<protocol::Heartbeat>(c.request.body);
    if (!hb) return errorResponse(ErrorCode::BadRequest, hb.error().message);
    const std::int64_t now = c.clock();
    auto recorded = c.store.recordHeartbeat(t, hb.value(), now);
    if (!recorded) return storeFailure(recorded.error());
    auto version = c.store.configVersion();
    if (!version) return storeFailure(version.error());
    return {200, protocol::encode(protocol::HeartbeatAck{now, version.value()})};
}

}  // namespace homedesk::hq::detail
