// The header's date and time in the resident's language.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include "kiosk/core/i18n.hpp"

namespace homedesk {

// "11月23日 星期一" / "Monday 23 November"
std::string formatDate(const std::tm& local, Language lang);
// "14:05" in both languages (24-hour, as Chinese public signage does).
std::string formatTime(const std::tm& local);

}  // namespace homedesk

namespace homedesk {

// A promised time: "15:30" today, else "11月24日 09:30" / "24 Nov 09:30". Local time.
std::string formatMoment(std::int64_t unixSeconds, std::int64_t nowUnix, Language lang);

}  // namespace homedesk
