// Effects of the notices and track flows (the app runs them between UI passes, on the store).
#pragma once

#include <cstdint>
#include <string>

namespace homedesk::effect {

// A notice was put on screen: the proof the office asks for. Context: detail | attract | takeover.
struct RecordDisplay {
    std::string noticeId;
    std::int64_t revision = 0;
    std::string context;
    std::int64_t shownMs = 0;  // known ahead for an attract slide; 0 when it is up to the resident
};

// Look a ticket up by number or tracking code and the phone's last four digits.
struct FindTicket {
    std::string number;
    std::string phoneLast4;
};

}  // namespace homedesk::effect
