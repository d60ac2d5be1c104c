// The satisfaction survey screens: each dimension rated with five big faces (colour, face and
// words), one "what went wrong" choice after a low score, an optional suggestion, a review in
// large type, and a thank-you. The flow (kiosk/core/survey_flow) decides what comes next.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class SurveyScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

private:
    void drawRate(const Ui& ui, const KioskView& view, const SurveyFlow& flow, Rect body) const;
    void drawSuggestion(const Ui& ui, const KioskView& view, const SurveyFlow& flow, Rect body) const;
    void drawReview(const Ui& ui, const KioskView& view, const SurveyFlow& flow, Rect body) const;
    void drawThanks(const Ui& ui, const KioskView& view, const SurveyFlow& flow, Rect body) const;
};

// The question of the flow's current step, in the resident's language.
std::string surveyQuestion(const Ui& ui, Language lang, const SurveyFlow& flow);

}  // namespace homedesk::ui
