// What the terminal knows about its link to the head office, as the UI reads it: a snapshot the
// app copies from the sync engine when the engine wakes the UI. Plain data; no threads here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace homedesk {

struct SyncSnapshot {
    bool configured = false;  // [headoffice] is set
    bool enrolled = false;    // the terminal holds a credential
    std::string hqUrl;
    std::string terminalId;
    bool contacted = false;       // the head office answered at least once since start
    bool failing = false;         // the last attempt failed (offline, or a problem below)
    bool needsAttention = false;  // credential or certificate refused: a person must act
    std::int64_t queued = 0;      // submissions waiting on this terminal
    std::optional<std::int64_t> oldestQueuedAt;  // unix seconds
    std::optional<std::int64_t> lastSuccess;     // unix seconds
    std::string lastErrorKey;     // catalog key of the last problem in plain words, "" when none
    std::string lastErrorDetail;  // the technical words (for the installer), "" when none
    std::int64_t delivered = 0;   // since start
    std::int64_t statusChanges = 0;  // ticket status changes stored since start (re-read when it moves)
    std::int64_t noticeChanges = 0;  // notice changes stored since start (re-read when it moves)
};

// The footer's one-word summary.
enum class SyncLight {
    NotConfigured,  // a stand-alone terminal
    NotEnrolled,    // configured, waiting for the installer's enrollment code
    Connecting,     // enrolled, no answer yet
    Synced,         // online, nothing waiting
    Sending,        // online, items waiting
    Offline,        // the head office cannot be reached; items are kept
    Attention,      // refused credential or certificate
};

SyncLight syncLight(const SyncSnapshot& s);
std::string_view syncLightName(SyncLight light);  // "synced", "offline", ... for automation
std::string_view syncLightKey(SyncLight light);   // catalog key of the footer text

}  // namespace homedesk
