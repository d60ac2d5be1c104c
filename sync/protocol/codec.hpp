// JSON encoding and strict decoding of every message. Decoding never throws: malformed text,
// hostile nesting, wrong types, missing fields and out-of-range values all come back as an
// InvalidInput error whose message names the field.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "sync/protocol/enrollment.hpp"
#include "sync/protocol/error_body.hpp"
#include "sync/protocol/heartbeat.hpp"
#include "sync/protocol/notice.hpp"
#include "sync/protocol/submission.hpp"
#include "sync/protocol/terminal_config.hpp"
#include "sync/protocol/ticket_status.hpp"

namespace homedesk::protocol {

// Defined for: EnrollRequest, EnrollResponse, Submission, SubmissionBatch, SubmissionResult,
// SubmissionBatchResult, Notice, NoticeFeed, TicketStatusChange, TicketStatusFeed,
// TerminalConfig, Heartbeat, HeartbeatAck, ErrorBody.
template <typename T>
std::string encode(const T& message);
template <typename T>
Result<T> decode(std::string_view text);

// Parses text with the depth limit; never throws.
Result<nlohmann::json> parseJson(std::string_view text);

}  // namespace homedesk::protocol
