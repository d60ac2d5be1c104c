// The satisfaction survey (满意度评价) as a state machine: the definition is loaded from the
// store (versioned, from the head office) → each dimension rated 1-5 with faces, a score of 1-2
// asking one "what went wrong" choice → an optional suggestion → review → durable commit (the
// response and its outbox item) → thank you.
//
// Callbacks (回访): a survey opened with a ticket number answers the callback of that resolved
// ticket; the number travels with the response (payload "ticket_number"). The entry point is
// intent::StartSurvey{surveyId, ticketNumber} (kiosk_state.hpp), for Track and for a scanned
// survey invitation; the Home tile opens the standing survey with no ticket.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow.hpp"
#include "kiosk/core/step_stack.hpp"
#include "kiosk/core/survey.hpp"

namespace homedesk {

class SurveyFlow final : public Flow {
public:
    static constexpr ScreenId kScreen = ScreenId::Survey;
    enum class Step { Loading, Unavailable, Rate, FollowUp, Suggestion, Review, Submitting, Thanks };
    static constexpr size_t kMaxSuggestion = 500;  // characters

    explicit SurveyFlow(std::string surveyId = std::string(kStandingSurveyId),
                        std::optional<std::string> ticketNumber = std::nullopt,
                        std::optional<std::string> trackingCode = std::nullopt);

    // The first effect: load the definition. Answered by definitionLoaded().
    effect::LoadSurvey load() const { return {m_surveyId}; }
    void definitionLoaded(std::optional<SurveyDefinition> definition);  // none: Unavailable

    Step step() const { return m_steps.top().step; }
    // The dimension being rated or followed up (Rate, FollowUp); 0 elsewhere.
    size_t dimensionIndex() const { return m_steps.top().index; }
    const SurveyDimension* dimension() const;
    const std::optional<SurveyDefinition>& definition() const { return m_definition; }
    const SurveyAnswers& answers() const { return m_answers; }
    const std::optional<std::string>& ticketNumber() const { return m_ticketNumber; }

    FlowOutcome rate(int score);                         // 1..5
    FlowOutcome chooseFollowUp(const std::string& choiceId);
    FlowOutcome setSuggestion(const std::string& text);  // the whole text as typed so far
    FlowOutcome finishSuggestion();                      // empty is fine: it is optional
    FlowOutcome submit(const std::string& clientId, std::int64_t now);
    void submitted();  // the store committed it

    // Flow
    ScreenId screen() const override { return kScreen; }
    std::string_view stepName() const override;
    const std::string& lastError() const override { return m_steps.lastError(); }
    std::vector<Effect> start() override { return {load()}; }
    EntrySpec entrySpec() const override;
    std::optional<std::string> draftText() const override;
    void keepTyped(const std::string& entry) override;
    bool back() override;
    void submitFailed(const Error& error) override;  // back to the review, nothing lost
    std::string announceKey() const override;
    void report(nlohmann::json& out) const override;

private:
    struct At {
        Step step;
        size_t index = 0;
    };
    FlowOutcome go(Step next, size_t index = 0) { return m_steps.go({next, index}); }
    FlowOutcome afterDimension(size_t index);
    FlowOutcome refuse(std::string key) { return m_steps.refuse(std::move(key)); }

    std::string m_surveyId;
    std::optional<std::string> m_ticketNumber;
    std::optional<std::string> m_trackingCode;  // the callback's proof (survey.hpp)
    std::optional<SurveyDefinition> m_definition;
    StepStack<At> m_steps{{Step::Loading, 0}};
    SurveyAnswers m_answers;
    std::string m_clientId;  // kept across a failed save so a retry is the same submission
};

std::string_view stepName(SurveyFlow::Step step);

}  // namespace homedesk
