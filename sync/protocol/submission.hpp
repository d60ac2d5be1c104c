// POST /api/v1/submissions: a batch of what residents filed, each item with the terminal's own
// id. The client_id is the idempotency key: a resend gets the first answer again, never a
// second ticket; the same id with other content is refused per item.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "sync/protocol/protocol_error.hpp"

namespace homedesk::protocol {

enum class SubmissionKind { Repair, Complaint, Survey };

struct Submission {
    std::string client_id;  // made on the terminal when the resident confirmed; 8..64 id chars
    SubmissionKind kind = SubmissionKind::Repair;
    std::int64_t created_at = 0;  // unix seconds, terminal clock
    nlohmann::json payload = nlohmann::json::object();  // the form; object, <= kMaxPayloadBytes
};

struct SubmissionBatch {
    std::vector<Submission> items;  // 1..kMaxBatchItems
};

enum class ItemStatus { Accepted, Rejected };

struct SubmissionResult {
    std::string client_id;
    ItemStatus status = ItemStatus::Accepted;
    std::optional<std::string> ticket_number;  // repairs and complaints
    bool resent = false;                       // this id was already accepted earlier
    std::optional<ProtocolError> error;        // when rejected
};

struct SubmissionBatchResult {
    std::vector<SubmissionResult> results;  // one per item, in request order
};

// The head office's reading of a batch: the envelope must be valid, then each item is valid or
// answered by its own error, so one bad item never blocks the others.
struct ReceivedItem {
    std::string client_id;
    Result<Submission> submission;
};
Result<std::vector<ReceivedItem>> decodeReceivedBatch(std::string_view text);

std::string_view toString(SubmissionKind kind);
std::optional<SubmissionKind> submissionKindFrom(std::string_view s);
// Hex SHA-256 of the item's canonical JSON (without created_at re-ordering issues: keys sorted).
std::string contentHash(const Submission& s);

}  // namespace homedesk::protocol
