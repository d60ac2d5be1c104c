#include "sync/client/outbox.hpp"

namespace homedesk::sync {

Status Outbox::settle(const std::vector<Outcome>& outcomes, std::int64_t at) {
    for (const auto& o : outcomes) {
        Status done = Done{};
        switch (o.kind) {
            case Outcome::Kind::Delivered:
                done = markDelivered(o.client_id, o.ticket_number, at);
                break;
            case Outcome::Kind::Rejected: done = markRejected(o.client_id, o.why, at); break;
            case Outcome::Kind::Failed: done = recordFailure(o.client_id, o.why.message, at); break;
        }
        if (!done) return done;
    }
    return Done{};
}

}  // namespace homedesk::sync
