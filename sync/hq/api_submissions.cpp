// POST /submissions: every item answered on its own; the store makes resends harmless.
#include <spdlog/spdlog.h>

#include "sync/hq/api_handlers.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/codec.hpp"

namespace homedesk::hq::detail {

using protocol::ErrorCode;

ApiResponse submissions(const Context& c, const TerminalRecord& t) {
    auto items = protocol::decodeReceivedBatch(c.request.body);
    if (!items) return errorResponse(ErrorCode::BadRequest, items.error().message);
    const std::int64_t now = c.clock();
    // Valid items are stored together (one commit); invalid ones are answered on their own.
    std::vector<protocol::Submission> valid;
    for (const protocol::ReceivedItem& item : items.value())
        if (item.submission) valid.push_back(item.submission.value());
    // A storage failure fails the whole request and stores none of the batch; the terminal
    // sends it again with the same ids.
    auto stored = c.store.storeSubmissions(t, valid, now);
    if (!stored) return storeFailure(stored.error());
    protocol::SubmissionBatchResult answer;
    int accepted = 0, resent = 0, rejected = 0;
    std::size_t next = 0;
    for (const protocol::ReceivedItem& item : items.value()) {
        if (!item.submission) {
            answer.results.push_back(
                {item.client_id, protocol::ItemStatus::Rejected, std::nullopt, false,
                 protocol::ProtocolError{ErrorCode::BadRequest, item.submission.error().message}});
            ++rejected;
            continue;
        }
        protocol::SubmissionResult& result = stored->at(next++);
        if (result.status == protocol::ItemStatus::Rejected) ++rejected;
        else if (result.resent) ++resent;
        else ++accepted;
        answer.results.push_back(std::move(result));
    }
    spdlog::info("terminal {}: {} submissions, {} new, {} resent, {} rejected", t.id,
                 answer.results.size(), accepted, resent, rejected);
    return ok(answer);
}

}  // namespace homedesk::hq::detail
