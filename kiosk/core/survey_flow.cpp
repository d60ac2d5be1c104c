#include "kiosk/core/survey_flow.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kiosk/core/typed_text.hpp"

namespace homedesk {

std::string_view stepName(SurveyFlow::Step step) {
    using S = SurveyFlow::Step;
    switch (step) {
        case S::Loading: return "loading";
        case S::Unavailable: return "unavailable";
        case S::Rate: return "rate";
        case S::FollowUp: return "follow_up";
        case S::Suggestion: return "suggestion";
        case S::Review: return "review";
        case S::Submitting: return "submitting";
        case S::Thanks: return "thanks";
    }
    return "unknown";
}

SurveyFlow::SurveyFlow(std::string surveyId, std::optional<std::string> ticketNumber,
                       std::optional<std::string> trackingCode)
    : m_surveyId(std::move(surveyId)),
      m_ticketNumber(std::move(ticketNumber)),
      m_trackingCode(std::move(trackingCode)) {}

void SurveyFlow::definitionLoaded(std::optional<SurveyDefinition> definition) {
    if (step() != Step::Loading) return;
    if (!definition || definition->dimensions.empty()) {
        m_steps.restart({Step::Unavailable, 0});
        return;
    }
    m_definition = std::move(definition);
    m_steps.restart({Step::Rate, 0});  // Back from the first question leaves the survey
}

const SurveyDimension* SurveyFlow::dimension() const {
    if (!m_definition || (step() != Step::Rate && step() != Step::FollowUp)) return nullptr;
    return &m_definition->dimensions[dimensionIndex()];
}

std::string_view SurveyFlow::stepName() const { return homedesk::stepName(step()); }

EntrySpec SurveyFlow::entrySpec() const {
    if (step() == Step::Suggestion) return {EntryMode::Text, kMaxSuggestion};
    return {};
}

std::optional<std::string> SurveyFlow::draftText() const {
    if (step() == Step::Suggestion) return m_answers.suggestion;
    return std::nullopt;
}

void SurveyFlow::keepTyped(const std::string& entry) {
    if (step() == Step::Suggestion) (void)setSuggestion(entry);
}

std::string SurveyFlow::announceKey() const {
    return std::string(stepName()) + std::to_string(dimensionIndex());
}

void SurveyFlow::report(nlohmann::json& out) const {
    if (const SurveyDimension* d = dimension()) out["survey_dimension"] = d->id;
}

FlowOutcome SurveyFlow::afterDimension(size_t index) {
    if (index + 1 < m_definition->dimensions.size()) return go(Step::Rate, index + 1);
    return go(m_definition->suggestion ? Step::Suggestion : Step::Review);
}

FlowOutcome SurveyFlow::rate(int score) {
    if (step() != Step::Rate) return refuse("flow.wrong_step");
    if (score < 1 || score > kSurveyScaleMax) return refuse("survey.error.score");
    const size_t index = dimensionIndex();
    const SurveyDimension& dim = m_definition->dimensions[index];
    m_answers.scores[dim.id] = score;
    if (score <= kLowScoreMax && !dim.followUps.empty()) return go(Step::FollowUp, index);
    m_answers.followUps.erase(dim.id);  // a changed mind: no "what went wrong" for a good score
    return afterDimension(index);
}

FlowOutcome SurveyFlow::chooseFollowUp(const std::string& choiceId) {
    if (step() != Step::FollowUp) return refuse("flow.wrong_step");
    const size_t index = dimensionIndex();
    const SurveyDimension& dim = m_definition->dimensions[index];
    const bool known = std::any_of(dim.followUps.begin(), dim.followUps.end(),
                                   [&](const SurveyChoice& c) { return c.id == choiceId; });
    if (!known) return refuse("survey.error.no_such_choice");
    m_answers.followUps[dim.id] = choiceId;
    return afterDimension(index);
}

FlowOutcome SurveyFlow::setSuggestion(const std::string& text) {
    if (step() != Step::Suggestion) return refuse("flow.wrong_step");
    TypedText clean = cleanTyped(text);
    if (clean.characters > kMaxSuggestion) return refuse("survey.error.suggestion_too_long");
    m_answers.suggestion = std::move(clean.text);
    if (clean.removed) return refuse("survey.error.bad_text");
    m_steps.clearError();
    return {};
}

FlowOutcome SurveyFlow::finishSuggestion() {
    if (step() != Step::Suggestion) return refuse("flow.wrong_step");
    if (m_answers.suggestion.find_first_not_of(" \n") == std::string::npos) m_answers.suggestion.clear();
    return go(Step::Review);
}

FlowOutcome SurveyFlow::submit(const std::string& clientId, std::int64_t now) {
    if (step() != Step::Review) return refuse("flow.wrong_step");
    if (m_clientId.empty()) m_clientId = clientId;
    if (m_clientId.empty()) return refuse("flow.wrong_step");
    NewSurveyResponse r{m_clientId,           m_definition->id, m_definition->version,
                        m_ticketNumber,       answersJson(m_answers), now,
                        m_trackingCode};
    go(Step::Submitting);
    return {"", effect::SubmitSurvey{std::move(r)}};
}

void SurveyFlow::submitted() {
    if (step() != Step::Submitting) return;
    m_steps.restart({Step::Thanks, 0});  // Back from the thank-you leaves the survey
}

void SurveyFlow::submitFailed(const Error&) {
    if (step() != Step::Submitting) return;
    m_steps.saveFailed("survey.error.not_saved");
}

bool SurveyFlow::back() {
    if (step() == Step::Submitting) return true;  // wait for the store's answer
    return m_steps.back();
}

}  // namespace homedesk
