// Internal to the SQLite store: the one SQL condition for "this notice's targets reach this
// terminal" (all, its community, its building, itself), shared by the feed, the console's
// counts and the heartbeat's display records.
#pragma once

#include <string>

namespace homedesk::hq {

// Each argument is an SQL expression (a column or a parameter).
inline std::string noticeReaches(const std::string& notice, const std::string& terminal,
                                 const std::string& community, const std::string& building) {
    return "EXISTS (SELECT 1 FROM notice_targets g WHERE g.notice_id = " + notice +
           " AND (g.kind = 'all' OR (g.kind = 'community' AND g.ref = " + community +
           ") OR (g.kind = 'building' AND g.ref = " + building +
           ") OR (g.kind = 'terminal' AND g.ref = " + terminal + ")))";
}

}  // namespace homedesk::hq
