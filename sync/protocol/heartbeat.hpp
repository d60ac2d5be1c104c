// POST /api/v1/heartbeat: the terminal's health, and proof of which notices it showed when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace homedesk::protocol {

struct NoticeDisplay {
    std::string notice_id;
    std::int64_t revision = 1;
    std::int64_t shown_at = 0;  // unix seconds, terminal clock
    std::int64_t shown_for_s = 0;
};

struct Heartbeat {
    std::string app_version;
    std::int64_t sent_at = 0;
    std::int64_t queue_depth = 0;
    std::optional<std::int64_t> oldest_unsent_age_s;  // absent when the queue is empty
    std::vector<NoticeDisplay> displayed;             // since the last acknowledged heartbeat
    std::vector<std::string> errors;                  // plain words, no personal data
};

struct HeartbeatAck {
    std::int64_t server_time = 0;
    std::int64_t config_version = 0;  // fetch /config when it differs from the stored one
};

}  // namespace homedesk::protocol
