// GET /api/v1/config: what the terminal needs to know about its place and its settings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace homedesk::protocol {

struct Building {
    std::string id;
    std::string name;
};

struct TerminalSettings {
    int idle_timeout_s = 60;
    int heartbeat_interval_s = 60;
    int notice_wait_s = 25;  // long-poll wait the terminal should ask for
};

struct TerminalConfig {
    std::int64_t config_version = 0;
    std::string terminal_id;
    std::string community_id;
    std::string community_name;
    std::vector<Building> buildings;
    std::string signing_public_key;  // base64url Ed25519
    TerminalSettings settings;
};

}  // namespace homedesk::protocol
