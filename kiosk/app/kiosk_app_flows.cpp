// KioskApp's side of the complaint and survey flows: their effects (local SQLite only, never
// the network) and the first-start demo survey.
#include <spdlog/spdlog.h>

#include "kiosk/app/demo_survey.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "platform/qr/qr_code.hpp"

namespace homedesk::app {

Result<bool> KioskApp::openSurveys() {
    auto surveys = store::SqliteSurveys::open(m_config.dataDir + "/homedesk.db");
    if (!surveys) return surveys.error();
    m_surveys = std::make_unique<store::SqliteSurveys>(std::move(surveys).value());
    // No survey from the head office yet: the demo's standing survey, so the tile works.
    auto seeded = seedSurveyIfMissing(*m_surveys, m_config.assetsDir + "/demo/survey.json", wallNow());
    if (!seeded) spdlog::warn("demo survey: {}: {}", seeded.error().where, seeded.error().message);
    else if (*seeded) spdlog::info("stored the demo standing survey");
    return true;
}

bool KioskApp::runFlowEffect(Effect& e) {
    if (auto* submit = std::get_if<effect::Submit>(&e); submit && submit->ticket.kind == TicketKind::Complaint) {
        if (!m_state.complaint) return true;  // the flow was closed meanwhile
        auto receipt = m_store->submit(submit->ticket);
        if (!receipt) {
            spdlog::error("complaint {} not saved: {}", submit->ticket.clientId, receipt.error().message);
            m_state.complaint->submitFailed(receipt.error());
            return true;
        }
        spdlog::info("complaint {} saved, tracking code {}", receipt->clientId, receipt->trackingCode);
        m_state.complaint->submitted(receipt.value());
        auto qr = platform::encodeQr(m_config.site.ticketUrl + receipt->trackingCode);
        if (qr) m_receiptQr = std::move(qr).value();
        else spdlog::warn("receipt QR: {}", qr.error().message);
        return true;
    }
    if (auto* load = std::get_if<effect::LoadSurvey>(&e)) {
        if (!m_state.survey) return true;
        std::optional<SurveyDefinition> definition;
        auto stored = m_surveys->latest(load->surveyId);
        if (!stored) {
            spdlog::warn("survey {}: {}", load->surveyId, stored.error().message);
        } else if (stored->has_value()) {
            const auto& s = **stored;
            auto parsed = parseSurveyDefinition(s.id, s.version, {s.title, s.titleEn}, s.definitionJson);
            if (parsed) definition = std::move(parsed).value();
            else spdlog::warn("survey {} v{}: {}", s.id, s.version, parsed.error().message);
        }
        m_state.survey->definitionLoaded(std::move(definition));
        return true;
    }
    if (auto* submit = std::get_if<effect::SubmitSurvey>(&e)) {
        if (!m_state.survey) return true;
        const NewSurveyResponse& r = submit->response;
        auto saved = m_surveys->submit({r.clientId, r.surveyId, r.surveyVersion, r.ticketNumber, r.answersJson, r.createdAt});
        if (saved) {
            spdlog::info("survey response {} saved ({} v{})", r.clientId, r.surveyId, r.surveyVersion);
            m_state.survey->submitted();
        } else {
            spdlog::error("survey response {} not saved: {}", r.clientId, saved.error().message);
            m_state.survey->submitFailed(saved.error());
        }
        return true;
    }
    return false;
}

}  // namespace homedesk::app
