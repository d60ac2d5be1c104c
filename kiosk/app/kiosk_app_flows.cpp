// KioskApp's surveys: the first-start demo survey, in the UI thread's database.
#include <spdlog/spdlog.h>

#include "kiosk/app/demo_survey.hpp"
#include "kiosk/app/kiosk_app.hpp"

namespace homedesk::app {

Result<bool> KioskApp::seedSurveys() {
    // No survey from the head office yet: the demo's standing survey, so the tile works.
    auto seeded =
        seedSurveyIfMissing(m_db->surveys(), m_config.assetsDir + "/demo/survey.json", wallNow());
    if (!seeded) spdlog::warn("demo survey: {}: {}", seeded.error().where, seeded.error().message);
    else if (*seeded) spdlog::info("stored the demo standing survey");
    return true;
}

}  // namespace homedesk::app
