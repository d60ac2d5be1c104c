// What every screen may read in a frame: the kiosk's state plus the words and figures the app
// gathered for it. Built by the app each frame; screens get it const.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/qr_modules.hpp"
#include "kiosk/core/sync_status.hpp"

namespace homedesk {

struct SiteInfo {
    std::string community;     // shown in the header
    std::string stewardName;   // the building steward in the footer
    std::string stewardPhone;
    std::string serviceLine;   // the 24-hour service line
    std::string gasLine;       // the gas company's emergency line
    std::string ticketUrl;     // a receipt's QR opens this followed by the tracking code
};

struct KioskView {
    const KioskState& state;
    const SiteInfo& site;
    std::string date;  // already in the resident's language
    std::string time;
    const SyncSnapshot& sync;  // the link to the head office, as of the engine's last wake-up
    bool prompting = false;
    int promptSecondsLeft = 0;
    std::int64_t now = 0;  // unix seconds, for promised times
    const QrModules* receiptQr = nullptr;  // the receipt's code, when there is a receipt
    const ScanView* scan = nullptr;        // the camera, while the scan screen is open
    const ComposeView* compose = nullptr;  // the pinyin and handwriting input methods
};

}  // namespace homedesk
