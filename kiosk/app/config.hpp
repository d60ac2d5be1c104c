// The terminal's configuration: a TOML file (path by flag), then command-line flags over it.
// Every bad value is reported with the key and what would be right.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/kiosk_view.hpp"
#include "base/result.hpp"

namespace homedesk::app {

enum class Orientation { Portrait, Landscape };

// [headoffice]: where the terminal syncs. No url: a stand-alone terminal (nothing is sent).
// The credential from enrollment is kept in the data folder, never here.
struct HeadOffice {
    std::string url;        // "https://hq.example.com:8443"
    std::string caFile;     // PEM CA certificate(s) that must sign the head office's chain
    std::string publicKey;  // optional "sha256//<base64>" pin of the head office's key
    int connectTimeoutSeconds = 5;
    int stallTimeoutSeconds = 20;  // a transfer slower than 10 bytes/s for this long is dropped
    int noticeWaitSeconds = 25;    // how long a notice long-poll waits at the head office
    int heartbeatSeconds = 60;
    int retryMaxSeconds =
        30;  // the longest pause between attempts while offline (the engine's cap)
    std::string deviceName;        // sent at enrollment: "3号楼大堂"
    bool configured() const { return !url.empty(); }
};

struct Config {
    // [display]
    Orientation orientation = Orientation::Portrait;
    bool fullscreen = true;
    float panelInches = 21.5f;  // diagonal, for millimetre-true sizes
    Language language = Language::Chinese;
    bool largeText = false;
    bool highContrast = false;
    // [session]
    int idleSeconds = 60;
    int promptSeconds = 20;
    int attractSeconds =
        30;  // unused this long (after a wipe, or from start): attract loop / takeover
    // [speech]: read-aloud's loudness and pace in percent; every session starts from these
    int speechVolume = 100;
    int speechRate = 100;
    // [site]
    SiteInfo site{"示范小区", "王建国", "138 0000 1234", "400-800-1234", "96777",
                  "https://hq.homedesk.example/t/"};
    // [paths]
    std::string assetsDir;  // empty: the build tree's or the installed assets
    std::string dataDir = "/var/lib/homedesk";  // the database and its key file
    std::string directoryFile;  // the community (buildings, places); empty: the demo community
    // [headoffice]
    HeadOffice headOffice;
    // Loaded into an empty store when no head office is configured; empty:
    // assets/demo/notices.json.
    std::string demoNoticesFile;

    int width() const { return orientation == Orientation::Portrait ? 1080 : 1920; }
    int height() const { return orientation == Orientation::Portrait ? 1920 : 1080; }
    float pxPerMm() const;
};

// Parses TOML text; `source` names it in messages.
Result<Config> parseConfig(std::string_view toml, std::string_view source, Config base = {});
Result<Config> loadConfig(const std::string& path);

Result<Orientation> parseOrientation(std::string_view text);

}  // namespace homedesk::app
