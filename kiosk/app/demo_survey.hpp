// The standing satisfaction survey for a terminal that has none yet: until the head office's
// configuration feed delivers survey definitions, the first start stores the demo one from
// assets/demo/survey.json ({"id", "version", "title": {"zh", "en"}, "definition": {...}}).
#pragma once

#include <string>

#include "base/result.hpp"
#include "kiosk/store/sqlite_surveys.hpp"

namespace homedesk::app {

// Stores the file's definition when the store has no active version of that survey. Returns
// whether it stored one. The file is checked like a definition from the head office.
Result<bool> seedSurveyIfMissing(store::SqliteSurveys& surveys, const std::string& path,
                                 std::int64_t now);

}  // namespace homedesk::app
