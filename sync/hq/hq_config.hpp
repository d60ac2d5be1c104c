// The head office's configuration file (homedesk-hq --config hq.toml): the top-level keys are
// the command line's options (CLI11 reads them); this reads the [sla], [console] and [server]
// tables.
// The only door to toml++ in the head office.
#pragma once

#include <string>

#include "base/result.hpp"
#include "sync/hq/desk/sla.hpp"
#include "sync/hq/http_limits.hpp"

namespace homedesk::hq {

struct HqConfig {
    SlaPolicy sla;
    std::string console_dir;          // [console] dir
    std::string public_url;           // [console] public_url
    std::int64_t session_hours = 12;  // [console] session_hours
    std::int64_t idle_minutes = 30;   // [console] idle_minutes
    std::string terminal;             // [console] terminal: the `homedesk` that draws previews
    std::string terminal_assets;      // [console] terminal_assets: its assets folder
    std::string preview_dir;          // [console] preview_dir: where previews are kept
    ServerLimits server;              // [server]: the front door's limits (docs/operations.md)
};

// An empty path gives the defaults. Unknown keys in [sla], [console] or [server] are errors
// (typos).
Result<HqConfig> loadHqConfig(const std::string& path);

}  // namespace homedesk::hq
