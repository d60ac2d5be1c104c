// `homedesk-hq codes issue | sheet`: location stickers, household cards and staff badges for the
// terminals to scan, printed as tokens or as a printable HTML page.
#pragma once

#include <string>

#include "sync/hq/console/code_sheet.hpp"

namespace homedesk::hq::cli {

// One code: prints its token; with `html`, also writes a one-card printable page there. A staff
// badge's PIN is read from stdin (one line), never from the command line.
int codesIssue(const std::string& db, CodeRequest request, const std::string& html);
// Many codes from a tab-separated file, one per line:
//   location  <community> <building> <place> <label>
//   household <community> <building> <unit>  <label>
// written as one printable page (staff badges need a PIN each: issue them one by one).
int codesSheet(const std::string& db, const std::string& file, const std::string& html,
               double days);

}  // namespace homedesk::hq::cli
