// The one way a submission enters the outbox: a row written inside the caller's transaction,
// so the submission and its queue item commit together. Every kind (repair, complaint, survey)
// comes through here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

struct OutboxEntry {
    std::string clientId;   // the idempotency key
    std::string_view kind;  // the wire word: "repair" | "complaint" | "survey"
    std::int64_t createdAt = 0;
    std::string payloadJson;
    std::optional<std::vector<unsigned char>> phoneSealed;  // none: no phone was given
};

// Writes the row with the time it was queued (now); the caller commits.
Status enqueue(Db& db, const OutboxEntry& entry);

}  // namespace homedesk::store
