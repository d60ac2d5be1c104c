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
    protocol::SubmissionBatchResult answer;
    int accepted = 0, resent = 0, rejected = 0;
    for (const protocol::ReceivedItem& item : items.value()) {
        if (!item.submission) {
            answer.results.push_back(
                {item.client_id, protocol::ItemStatus::Rejected, std::nullopt, false,
                 protocol::ProtocolError{ErrorCode::BadRequest, item.submission.error().message}});
            ++rejected;
            continue;
        }
        // A storage failure fails the whole request: items already stored answer "resent" when
        // the terminal tries again with the same ids.
        auto result = c.store.storeSubmission(t, item.submission.value(), now);
        if (!result) return storeFailure(result.error());
        if (result->status == protocol::ItemStatus::Rejected) ++rejected;
        else if (result->resent) ++resent;
        else ++accepted;
        answer.results.push_back(std::move(result.value()));
    }
    spdlog::info("terminal {}: {} submissions, {} new, {} resent, {} rejected", t.id,
                 answer.results.size(), accepted, resent, rejected);
    return ok(answer);
}

}  // namespace homedesk::hq::detail
