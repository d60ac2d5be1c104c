#include "kiosk/ui/screens/survey_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/core/utf8.hpp"
#include "kiosk/ui/faces.hpp"
#include "kiosk/ui/flow_parts.hpp"
#include "kiosk/ui/keypad.hpp"

namespace homedesk::ui {

using Step = SurveyFlow::Step;
using Kind = intent::Survey::Kind;

namespace {
std::string scoreKey(int score) { return "survey.score." + std::to_string(score); }

const SurveyChoice* choiceOf(const SurveyDimension& d, const std::string& id) {
    for (const auto& c : d.followUps)
        if (c.id == id) return &c;
    return nullptr;
}
}  // namespace

std::string surveyQuestion(const Ui& ui, Language lang, const SurveyFlow& f) {
    switch (f.step()) {
        case Step::Loading: return ui.t("survey.loading");
        case Step::Unavailable: return ui.t("survey.unavailable.title");
        case Step::Rate: return format(ui.t("survey.step.rate"), {{"dimension", f.dimension()->name.in(lang)}});
        case Step::FollowUp: return format(ui.t("survey.step.follow_up"), {{"dimension", f.dimension()->name.in(lang)}});
        case Step::Suggestion: return ui.t("survey.step.suggestion");
        case Step::Review: return ui.t("survey.step.review");
        case Step::Submitting: return ui.t("survey.submitting");
        case Step::Thanks: return ui.t("survey.thanks.title");
    }
    return ui.t("home.tile.survey");
}

std::string SurveyScreen::summary(const Ui& ui, const KioskView& view) const {
    if (!view.state.flow<SurveyFlow>()) return ui.t("home.tile.survey");
    const SurveyFlow& f = *view.state.flow<SurveyFlow>();
    std::string text = surveyQuestion(ui, view.state.settings.language, f);
    if (f.step() == Step::Rate)
        for (int s = kSurveyScaleMax; s >= 1; --s) text += ui.t("speech.pause") + ui.t(scoreKey(s));
    if (!f.lastError().empty()) text += ui.t("speech.pause") + ui.t(f.lastError());
    return text;
}

void SurveyScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    if (!view.state.flow<SurveyFlow>()) return;
    const auto& th = ui.theme;
    const SurveyFlow& f = *view.state.flow<SurveyFlow>();
    const Language lang = view.state.settings.language;
    float top = content.y;
    // Where the resident is: the survey's title, the question number, the ticket it follows up.
    if (f.definition() && (f.step() == Step::Rate || f.step() == Step::FollowUp)) {
        std::string where = f.definition()->title.in(lang) + " · " +
                            format(ui.t("survey.progress"), {{"n", std::to_string(f.dimensionIndex() + 1)},
                                                             {"total", std::to_string(f.definition()->dimensions.size())}});
        if (f.ticketNumber()) where += " · " + format(ui.t("survey.callback"), {{"number", *f.ticketNumber()}});
        top += drawParagraph(ui, FontRole::Body, where, {content.x, top, content.w, 0}, th.colors.textMuted);
    }
    const float y = flowHeading(ui, surveyQuestion(ui, lang, f), f.lastError(), {content.x, top, content.w, content.bottom() - top});
    const Rect body{content.x, y, content.w, content.bottom() - y};
    switch (f.step()) {
        case Step::Loading:
        case Step::Submitting: break;
        case Step::Unavailable:
            drawParagraph(ui, FontRole::Title, format(ui.t("survey.unavailable.body"), {{"phone", view.site.serviceLine}}), body,
                          th.colors.text);
            break;
        case Step::Rate: drawRate(ui, view, f, body); break;
        case Step::FollowUp: {
            const SurveyDimension& d = *f.dimension();
            const float hintH = drawParagraph(ui, FontRole::Body, ui.t("survey.follow_up.hint"), body, th.colors.textMuted) + th.gap;
            std::vector<std::pair<std::string, std::string>> items;
            for (const auto& c : d.followUps) items.emplace_back(c.id, c.label.in(lang));
            const bool wide = body.w > body.h;
            const Rect grid{body.x, body.y + hintH, body.w, std::min(body.h - hintH, (th.buttonHeight * 1.4f + th.gap) * items.size())};
            if (auto i = choiceGrid(ui, "survey.follow_up", items, grid, wide ? 2 : 1, th.buttonHeight * 1.4f))
                ui.emit(intent::Survey{Kind::FollowUp, items[*i].first});
            break;
        }
        case Step::Suggestion: drawSuggestion(ui, view, f, body); break;
        case Step::Review: drawReview(ui, view, f, body); break;
        case Step::Thanks: drawThanks(ui, view, f, body); break;
    }
}

void SurveyScreen::drawRate(const Ui& ui, const KioskView&, const SurveyFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const auto given = f.answers().scores.find(f.dimension()->id);
    const int selected = given == f.answers().scores.end() ? 0 : given->second;
    // Wide screens: five faces in a row, happiest first. Tall screens: five rows, face beside words.
    const bool row = body.w > body.h && body.w >= th.mm(350);
    const int n = kSurveyScaleMax;
    if (row) {
        const float w = (body.w - th.gap * (n - 1)) / n;
        const float h = std::min(body.h, w * 1.5f);
        float labelH = 0;
        for (int score = 1; score <= n; ++score)
            labelH = std::max(labelH, paragraphHeight(ui, FontRole::Strong, ui.t(scoreKey(score)), w - th.padding));
        for (int i = 0; i < n; ++i) {
            const int score = n - i;
            if (faceButton(ui, "survey.score." + std::to_string(score), score, ui.t(scoreKey(score)),
                           {body.x + i * (w + th.gap), body.y, w, h}, score == selected, false, labelH))
                ui.emit(intent::Survey{Kind::Rate, {}, score});
        }
        return;
    }
    const float h = std::min((body.h - th.gap * (n - 1)) / n, th.mm(40));
    for (int i = 0; i < n; ++i) {
        const int score = n - i;
        if (faceButton(ui, "survey.score." + std::to_string(score), score, ui.t(scoreKey(score)),
                       {body.x, body.y + i * (h + th.gap), body.w, h}, score == selected, true))
            ui.emit(intent::Survey{Kind::Rate, {}, score});
    }
}

void SurveyScreen::drawSuggestion(const Ui& ui, const KioskView& view, const SurveyFlow&, Rect body) const {
    const TextStep step{"survey", ui.t("survey.suggestion.empty"), ui.t("survey.suggestion.count"), SurveyFlow::kMaxSuggestion, {},
                        ui.t(view.state.entry.empty() ? "survey.suggestion.skip" : "common.next")};
    if (textStep(ui, view, step, body).next) ui.emit(intent::Survey{Kind::FinishSuggestion});
}

void SurveyScreen::drawReview(const Ui& ui, const KioskView& view, const SurveyFlow& f, Rect body) const {
    const Language lang = view.state.settings.language;
    ReadBackRows rows;
    for (const auto& d : f.definition()->dimensions) {
        const auto score = f.answers().scores.find(d.id);
        std::string value = score == f.answers().scores.end() ? ui.t("survey.review.skipped") : ui.t(scoreKey(score->second));
        const auto why = f.answers().followUps.find(d.id);
        if (why != f.answers().followUps.end())
            if (const SurveyChoice* c = choiceOf(d, why->second)) value += "（" + c->label.in(lang) + "）";
        rows.emplace_back(d.name.in(lang), value);
    }
    if (!f.answers().suggestion.empty()) rows.emplace_back(ui.t("survey.review.suggestion"), f.answers().suggestion);
    if (f.ticketNumber()) rows.emplace_back(ui.t("survey.review.ticket"), *f.ticketNumber());
    // Where the rows cannot fit: how many were rated and which were not satisfactory.
    std::string low;
    for (const auto& d : f.definition()->dimensions) {
        const auto score = f.answers().scores.find(d.id);
        if (score != f.answers().scores.end() && score->second <= kLowScoreMax) low += (low.empty() ? "" : ", ") + d.name.in(lang);
    }
    std::string compact = format(ui.t(low.empty() ? "survey.review.compact_ok" : "survey.review.compact"),
                                 {{"n", std::to_string(f.answers().scores.size())}, {"low", low}});
    if (!f.answers().suggestion.empty()) compact += "\n" + ui.t("survey.review.suggestion") + ": " + f.answers().suggestion;
    if (confirmStep(ui, rows, compact, body, "survey.submit", ui.t("survey.review.submit"), false, ""))
        ui.emit(intent::Survey{Kind::Submit});
}

void SurveyScreen::drawThanks(const Ui& ui, const KioskView&, const SurveyFlow& f, Rect body) const {
    const auto& th = ui.theme;
    // Wide screens: Done at the right of the words; tall ones: under them.
    const bool wide = body.w > body.h * 1.2f;
    const float doneW = wide ? std::min(body.w * 0.28f, th.mm(90)) : body.w;
    const float doneH = th.buttonHeight * 1.3f;
    const float textW = wide ? body.w - doneW - th.gap * 2 : body.w;
    std::vector<std::string> lines = {ui.t("survey.thanks.queued")};
    const bool low = std::any_of(f.answers().scores.begin(), f.answers().scores.end(),
                                 [](const auto& s) { return s.second <= kLowScoreMax; });
    if (low) lines.push_back(ui.t("survey.thanks.follow_up"));
    const float room = body.h - (wide ? 0 : doneH + th.gap);
    const auto heightIn = [&](FontRole role) {
        float h = 0;
        for (const auto& line : lines) h += paragraphHeight(ui, role, line, textW) + th.gap;
        return h;
    };
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (heightIn(role) > room) role = smaller;
    float y = body.y;
    for (const auto& line : lines) y += drawParagraph(ui, role, line, {body.x, y, textW, 0}, th.colors.text) + th.gap;
    const Rect done = wide ? Rect{body.right() - doneW, body.y, doneW, std::min(body.h, doneH)}
                           : Rect{body.x, std::min(y, body.bottom() - doneH), body.w, doneH};
    if (button(ui, "survey.done", ui.t("survey.thanks.done"), done)) ui.emit(intent::Home{});
}

}  // namespace homedesk::ui
