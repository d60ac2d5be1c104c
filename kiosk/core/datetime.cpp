#include "kiosk/core/datetime.hpp"

#include <array>
#include <cstdio>

namespace homedesk {

std::string formatDate(const std::tm& t, Language lang) {
    static constexpr std::array<const char*, 7> kZhDays = {"星期日", "星期一", "星期二", "星期三",
                                                           "星期四", "星期五", "星期六"};
    static constexpr std::array<const char*, 7> kEnDays = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static constexpr std::array<const char*, 12> kEnMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    const int day = t.tm_wday >= 0 && t.tm_wday < 7 ? t.tm_wday : 0;
    const int month = t.tm_mon >= 0 && t.tm_mon < 12 ? t.tm_mon : 0;
    char buf[64];
    if (lang == Language::Chinese)
        std::snprintf(buf, sizeof buf, "%d月%d日 %s", month + 1, t.tm_mday, kZhDays[day]);
    else
        std::snprintf(buf, sizeof buf, "%s %d %s", kEnDays[day], t.tm_mday, kEnMonths[month]);
    return buf;
}

std::string formatTime(const std::tm& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.tm_hour, t.tm_min);
    return buf;
}

}  // namespace homedesk

namespace homedesk {

std::string formatMoment(std::int64_t unixSeconds, std::int64_t nowUnix, Language lang) {
    static constexpr const char* kEnMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = unixSeconds, n = nowUnix;
    std::tm at{}, today{};
    localtime_r(&t, &at);
    localtime_r(&n, &today);
    if (at.tm_year == today.tm_year && at.tm_yday == today.tm_yday) return formatTime(at);
    char buf[48];
    if (lang == Language::Chinese)
        std::snprintf(buf, sizeof buf, "%d月%d日 %s", at.tm_mon + 1, at.tm_mday, formatTime(at).c_str());
    else
        std::snprintf(buf, sizeof buf, "%d %s %s", at.tm_mday, kEnMonths[at.tm_mon % 12], formatTime(at).c_str());
    return buf;
}

}  // namespace homedesk
