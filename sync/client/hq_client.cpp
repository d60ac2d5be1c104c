#include "sync/client/hq_client.hpp"

#include "sync/protocol/version.hpp"

namespace homedesk::sync {

using protocol::ErrorCode;

template <typename T>
ApiResult<T> HqClient::call(HttpRequest request, int expectedStatus) {
    request.path = std::string(protocol::kApiPrefix) + request.path;
    request.bearer = m_credential;
    ApiResult<T> result;
    HttpResult sent = m_transport.send(request);
    if (!sent.ok()) {
        result.error = sent.failure;
        return result;
    }
    result.status = sent.response->status;
    if (result.status == expectedStatus) {
        auto decoded = protocol::decode<T>(sent.response->body);
        if (decoded) result.value = std::move(decoded.value());
        else result.error = {ErrorCode::BadResponse, decoded.error().message};
        return result;
    }
    auto body = protocol::decode<protocol::ErrorBody>(sent.response->body);
    if (body) result.error = body->error;
    else result.error = {protocol::errorCodeForHttpStatus(result.status),
                         "HTTP " + std::to_string(result.status)};
    return result;
}

ApiResult<protocol::EnrollResponse> HqClient::enroll(const protocol::EnrollRequest& request) {
    return call<protocol::EnrollResponse>({"POST", "/enroll", "", protocol::encode(request)}, 201);
}

ApiResult<protocol::SubmissionBatchResult> HqClient::submit(
    const protocol::SubmissionBatch& batch) {
    return call<protocol::SubmissionBatchResult>(
        {"POST", "/submissions", "", protocol::encode(batch)});
}

ApiResult<protocol::NoticeFeed> HqClient::notices(const std::string& since, int waitSeconds) {
    HttpRequest r{"GET", "/notices?since=" + since + "&wait=" + std::to_string(waitSeconds), "",
                  ""};
    r.timeout = std::chrono::seconds(waitSeconds + 15);
    r.quiet = std::chrono::seconds(waitSeconds);
    return call<protocol::NoticeFeed>(r);
}

ApiResult<protocol::TicketStatusFeed> HqClient::ticketStatus(const std::string& since) {
    return call<protocol::TicketStatusFeed>({"GET", "/tickets/status?since=" + since, "", ""});
}

ApiResult<protocol::TerminalConfig> HqClient::config() {
    return call<protocol::TerminalConfig>({"GET", "/config", "", ""});
}

ApiResult<protocol::HeartbeatAck> HqClient::heartbeat(const protocol::Heartbeat& heartbeat) {
    return call<protocol::HeartbeatAck>({"POST", "/heartbeat", "", protocol::encode(heartbeat)});
}

}  // namespace homedesk::sync
