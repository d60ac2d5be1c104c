#include "kiosk/ui/screens/track_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <utility>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/survey.hpp"
#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/screens/track_screen_layout.hpp"

namespace homedesk::ui {

using Step = TrackFlow::Step;
using Kind = intent::Track::Kind;

const char* trackStepKey(Step step) {
    switch (step) {
        case Step::Number:
            return "track.step.number";
        case Step::Last4:
            return "track.step.last4";
        case Step::Searching:
            return "track.searching";
        case Step::Found:
            return "track.step.timeline";
        case Step::NotFound:
            return "track.not_found.title";
        case Step::Paused:
            return "track.paused.title";
    }
    return "home.tile.track";
}

static std::string statusText(const Ui& ui, TicketStatus s) {
    return ui.t("status." + std::string(toString(s)));
}

static std::string pausedText(const Ui& ui, const KioskView& view) {
    const std::int64_t left =
        std::max<std::int64_t>(1, view.state.trackGuard.pausedUntil() - view.now);
    return format(ui.t("track.paused.body"), {{"minutes", std::to_string((left + 59) / 60)},
                                              {"phone", view.site.serviceLine}});
}

std::string TrackScreen::summary(const Ui& ui, const KioskView& view) const {
    if (!view.state.flow<TrackFlow>()) return ui.t("home.tile.track");
    const TrackFlow& f = *view.state.flow<TrackFlow>();
    std::string text = ui.t(trackStepKey(f.step()));
    if (!f.lastError().empty()) text += ui.t("speech.pause") + ui.t(f.lastError());
    if (f.step() == Step::NotFound)
        text +=
            ui.t("speech.pause") + format(ui.t("track.not_found.body"), {{"number", f.number()}});
    if (f.step() == Step::Paused) text += ui.t("speech.pause") + pausedText(ui, view);
    if (f.step() == Step::Found && f.ticket())
        text += ui.t("speech.pause") + statusText(ui, f.ticket()->status);
    return text;
}

void TrackScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    if (!view.state.flow<TrackFlow>()) return;
    const TrackFlow& f = *view.state.flow<TrackFlow>();
    const bool entering = f.step() == Step::Number || f.step() == Step::Last4;
    // Typing on a wide screen: question, message, entry and Next on the left, the keypad on the
    // right over the whole height (height is what a landscape screen lacks).
    const bool beside = entering && content.w > content.h * 1.2f;
    const Rect left = beside ? Rect{content.x, content.y, content.w * 0.5f, content.h} : content;
    float y = left.y;
    y += drawParagraph(ui, beside ? FontRole::Title : FontRole::Display,
                       ui.t(trackStepKey(f.step())), {left.x, y, left.w, 0}, th.colors.text);
    // The flow's refusal, or why typed keys were not taken (a keyboard wedge can send anything).
    const std::string& error = !f.lastError().empty() ? f.lastError() : view.state.entryError;
    if (!error.empty()) {
        const FontRole role = beside ? FontRole::Strong : FontRole::Title;
        const float h = paragraphHeight(ui, role, ui.t(error), left.w - 2 * th.padding);
        panel(ui, {left.x, y + th.gap / 2, left.w, h + th.padding}, th.colors.banner);
        drawParagraph(
            ui, role, ui.t(error),
            {left.x + th.padding, y + th.gap / 2 + th.padding / 2, left.w - 2 * th.padding, h},
            th.colors.bannerText);
        y += h + th.padding + th.gap / 2;
    }
    y += th.gap;
    if (beside) {
        const float padX = left.right() + th.gap * 2;
        const Rect pad{padX, content.y, std::min(content.right() - padX, th.mm(150)), content.h};
        drawEntry(ui, view, f, {left.x, y, left.w, left.bottom() - y}, &pad);
        return;
    }
    const Rect body{content.x, y, content.w, content.bottom() - y};
    switch (f.step()) {
        case Step::Number:
        case Step::Last4:
            drawEntry(ui, view, f, body, nullptr);
            break;
        case Step::Searching:
            break;
        case Step::Found:
            if (f.ticket()) drawTimeline(ui, view, *f.ticket(), body);
            break;
        case Step::NotFound:
        case Step::Paused:
            drawNotFound(ui, view, f, body);
            break;
    }
}

void TrackScreen::drawEntry(const Ui& ui, const KioskView& view, const TrackFlow& f, Rect body,
                            const Rect* padBeside) const {
    const auto& th = ui.theme;
    const bool last4 = f.step() == Step::Last4;
    float y = body.y;
    const std::string hint = last4 ? format(ui.t("track.last4.hint"), {{"number", f.number()}})
                                   : ui.t("track.number.hint");
    const std::string& entry = view.state.entry;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    const float nextH = th.buttonHeight * 1.2f;
    // The hint goes first if there is room for it above the entry and Next.
    if (!padBeside ||
        paragraphHeight(ui, FontRole::Body, hint, body.w) + boxH + nextH + 2 * th.gap <= body.h)
        y += drawParagraph(ui, FontRole::Body, hint, {body.x, y, body.w, 0}, th.colors.textMuted) +
             th.gap;
    entryBox(ui, last4 ? std::string(entry.size(), '*') : entry, "", {body.x, y, body.w, boxH});
    y += boxH + th.gap;
    Rect pad;
    if (padBeside) {
        pad = *padBeside;
    } else {
        const float padW = std::min(body.w, th.mm(150));
        pad = {body.x + (body.w - padW) / 2, y, padW,
               std::min(body.bottom() - y - nextH - th.gap, th.mm(190))};
        y += pad.h + th.gap;
    }
    keypad(ui, pad, !last4);
    if (button(ui, "track.next", ui.t(last4 ? "track.find" : "common.next"),
               {body.x, std::min(y, body.bottom() - nextH), body.w, nextH}))
        ui.emit(intent::Track{last4 ? Kind::Last4Done : Kind::NumberDone});
}

void TrackScreen::drawNotFound(const Ui& ui, const KioskView& view, const TrackFlow& f,
                               Rect body) const {
    const auto& th = ui.theme;
    float y = body.y;
    const bool paused = f.step() == Step::Paused;
    const std::string text = paused
                                 ? pausedText(ui, view)
                                 : format(ui.t("track.not_found.body"), {{"number", f.number()}});
    y += drawParagraph(ui, FontRole::Title, text, {body.x, y, body.w, 0}, th.colors.text) +
         th.gap * 2;
    const float h = th.buttonHeight * 1.3f;
    if (!paused &&
        button(ui, "track.retry_last4", ui.t("track.retry_last4"), {body.x, y, body.w, h}))
        ui.emit(intent::Track{Kind::RetryLast4});
    if (!paused) y += h + th.gap;
    if (button(ui, "track.change_number", ui.t("track.change_number"), {body.x, y, body.w, h},
               ButtonStyle::Secondary))
        ui.emit(intent::Track{Kind::ChangeNumber});
    y += h + th.gap;
    drawParagraph(ui, FontRole::Body,
                  format(ui.t("track.help"), {{"phone", view.site.serviceLine}}),
                  {body.x, y, body.w, 0}, th.colors.textMuted);
}

void TrackScreen::drawTimeline(const Ui& ui, const KioskView& view, const TicketRecord& t,
                               Rect body) const {
    const auto& th = ui.theme;
    const Language lang = view.state.settings.language;
    float y = body.y;
    // Which ticket: number (or code), what and where.
    const std::string number = t.ticketNumber.value_or(t.trackingCode);
    std::string what = ui.t("repair.category." + std::string(toString(t.repairCategory)));
    if (const Building* b =
            view.state.directory ? view.state.directory->building(t.location.buildingId) : nullptr)
        what += " · " + b->name.in(lang);
    if (const Place* p =
            view.state.directory ? view.state.directory->place(t.location.placeId) : nullptr)
        what += " " + p->name.in(lang);
    y += drawParagraph(ui, FontRole::Title,
                       format(ui.t("track.ticket"), {{"number", number}}) + "  " + what,
                       {body.x, y, body.w, 0}, th.colors.text);
    if (t.coReporters > 0)
        y += drawParagraph(
            ui, FontRole::Body,
            format(ui.t("track.coreporters"), {{"count", std::to_string(t.coReporters)}}),
            {body.x, y, body.w, 0}, th.colors.textMuted);
    y += th.gap;

    // One row per stage: a dot (filled when reached), the status, when, and the promise.
    const auto stages = buildTimeline(t, view.now);
    const float dot = th.mm(6);
    const float available = body.bottom() - y;
    std::vector<std::string> lines;
    std::vector<Color> colors;
    for (const auto& s : stages) {
        std::string line = statusText(ui, s.status);
        if (s.at)
            line += "  " + formatMoment(*s.at, view.now, lang);
        else if (!s.reached)
            line += "  " + ui.t("track.stage.waiting");
        if (!s.note.empty()) line += "  " + s.note;
        Color c = s.reached ? th.colors.text : th.colors.textMuted;
        if (s.promisedBy) {
            const std::string when = formatMoment(*s.promisedBy, view.now, lang);
            using P = TimelineStage::Promise;
            const char* key = s.promise == P::Met       ? "track.promise.met"
                              : s.promise == P::Late    ? "track.promise.late"
                              : s.promise == P::Overdue ? "track.promise.overdue"
                                                        : "track.promise.pending";
            line += "\n" + format(ui.t(key), {{"time", when}});
            if (s.promise == P::Overdue || s.promise == P::Late) c = th.colors.text;
        }
        lines.push_back(line);
        colors.push_back(c);
    }
    // One column, or two on a wide screen (submitted..dispatched | in progress..callback), with the
    // largest type that fits above the buttons; when even body text does not fit, one column more.
    const float buttonsH = th.buttonHeight * 1.2f + th.gap;
    const int wideColumns = wideTimelineColumns(body.w, body.h);
    const auto columnsOf = [&](int cols) {
        return timelineColumns(stages.size(), cols, body.w, th.gap, dot);
    };
    const auto layoutHeight = [&](FontRole r, int cols) {
        const TimelineColumns g = columnsOf(cols);
        float tallest = 0;
        for (int c = 0; c < cols; ++c) {
            float h = 0;
            for (size_t i = c * g.perColumn; i < std::min(stages.size(), (c + 1) * g.perColumn);
                 ++i)
                h += paragraphHeight(ui, r, lines[i], g.lineW) + th.gap / 2;
            tallest = std::max(tallest, h);
        }
        return tallest;
    };
    const auto [columns, role] = chooseTimelineLayout(
        wideColumns, available,
        [&](FontRole r, int cols) { return layoutHeight(r, cols) + buttonsH; });
    const auto [perColumn, colW, lineW] = columnsOf(columns);
    auto* dl = ImGui::GetWindowDrawList();
    const float top = y;
    float bottom = y;
    for (size_t i = 0; i < stages.size(); ++i) {
        const int c = static_cast<int>(i / perColumn);
        if (i % perColumn == 0) y = top;
        const float x = body.x + c * (colW + th.gap * 2);
        const float h = paragraphHeight(ui, role, lines[i], lineW);
        const float cy = y + lineHeight(ui, role) / 2;
        const ImU32 col = toU32(stages[i].reached ? th.colors.button : th.colors.border);
        if ((i + 1) % perColumn != 0 && i + 1 < stages.size())
            dl->AddLine(ImVec2(x + dot / 2, cy), ImVec2(x + dot / 2, cy + h + th.gap / 2), col,
                        std::max(2.0f, th.mm(0.8f)));
        if (stages[i].reached)
            dl->AddCircleFilled(ImVec2(x + dot / 2, cy), dot / 2, col);
        else
            dl->AddCircle(ImVec2(x + dot / 2, cy), dot / 2 - 1, col, 0,
                          std::max(2.0f, th.mm(0.6f)));
        drawParagraph(ui, role, lines[i], {x + dot + th.gap, y, lineW, 0}, colors[i]);
        y += h + th.gap / 2;
        bottom = std::max(bottom, y);
    }
    y = bottom;
    y += th.gap;
    const float doneH = th.buttonHeight * 1.2f;
    Rect done{body.x, std::min(y, body.bottom() - doneH), body.w, doneH};
    // A resolved ticket waits for its callback (回访): the resident can answer it right here,
    // once (the head office then moves it to "callback done").
    const bool offerCallback = t.status == TicketStatus::Resolved && !t.callbackAnswered;
    if (offerCallback) {
        const Rect rate{done.x, done.y, (done.w - th.gap) / 2, done.h};
        done = {rate.right() + th.gap, done.y, rate.w, done.h};
        if (button(ui, "track.rate", ui.t("track.rate"), rate))
            ui.emit(intent::StartSurvey{
                std::string(kStandingSurveyId), number,
                t.trackingCode.empty() ? std::nullopt : std::optional(t.trackingCode)});
    }
    if (button(ui, "track.done", ui.t("track.done"), done,
               offerCallback ? ButtonStyle::Secondary : ButtonStyle::Primary))
        ui.emit(intent::Home{});
}

}  // namespace homedesk::ui
