// The head office's API, typed: one call per endpoint over an HttpTransport. Answers decode
// strictly; an error answer becomes its ProtocolError, an undecodable one BadResponse.
#pragma once

#include <optional>
#include <string>

#include "sync/client/http_transport.hpp"
#include "sync/protocol/codec.hpp"

namespace homedesk::sync {

template <typename T>
struct ApiResult {
    std::optional<T> value;
    protocol::ProtocolError error;  // when !value
    int status = 0;                 // HTTP status, 0 when none came
    bool ok() const { return value.has_value(); }
};

class HqClient {
public:
    explicit HqClient(HttpTransport& transport) : m_transport(transport) {}

    void setCredential(std::string credential) { m_credential = std::move(credential); }

    ApiResult<protocol::EnrollResponse> enroll(const protocol::EnrollRequest& request);
    ApiResult<protocol::SubmissionBatchResult> submit(const protocol::SubmissionBatch& batch);
    ApiResult<protocol::NoticeFeed> notices(const std::string& since, int waitSeconds);
    ApiResult<protocol::TicketStatusFeed> ticketStatus(const std::string& since);
    ApiResult<protocol::TerminalConfig> config();
    ApiResult<protocol::HeartbeatAck> heartbeat(const protocol::Heartbeat& heartbeat);

private:
    template <typename T>
    ApiResult<T> call(HttpRequest request, int expectedStatus = 200);

    HttpTransport& m_transport;
    std::string m_credential;
};

}  // namespace homedesk::sync
