// KioskApp's survey store: the UI thread's connection and the first-start demo survey.
#include <spdlog/spdlog.h>

#include "kiosk/app/demo_survey.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/store/store_open.hpp"

namespace homedesk::app {

Result<bool> KioskApp::openSurveys() {
    auto surveys = store::SqliteSurveys::open(store::databasePath(m_config.dataDir));
    if (!surveys) return surveys.error();
    m_surveys = std::make_unique<store::SqliteSurveys>(std::move(surveys).value());
    // No survey from the head office yet: the demo's standing survey, so the tile works.
    auto seeded = seedSurveyIfMissing(*m_surveys, m_config.assetsDir + "/demo/survey.json", wallNow());
    if (!seeded) spdlog::warn("demo survey: {}: {}", seeded.error().where, seeded.error().message);
    else if (*seeded) spdlog::info("stored the demo standing survey");
    return true;
}

}  // namespace homedesk::app
