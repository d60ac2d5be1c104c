#include "kiosk/ui/screens/complaint_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/phone.hpp"
#include "kiosk/core/utf8.hpp"
#include "kiosk/ui/flow_parts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/keypad.hpp"

namespace homedesk::ui {

using Step = ComplaintFlow::Step;
using Kind = intent::Complaint::Kind;

const char* complaintStepKey(Step step) {
    switch (step) {
        case Step::Category: return "complaint.step.category";
        case Step::Description: return "complaint.step.description";
        case Step::Route: return "complaint.step.route";
        case Step::Identity: return "complaint.step.identity";
        case Step::Phone: return "complaint.step.phone";
        case Step::Confirm: return "complaint.step.confirm";
        case Step::Submitting: return "complaint.submitting";
        case Step::Receipt: return "complaint.receipt.title";
    }
    return "home.tile.complaint";
}

namespace {
std::string categoryKey(ComplaintCategory c) { return "complaint.category." + std::string(toString(c)); }
}  // namespace

std::string ComplaintScreen::summary(const Ui& ui, const KioskView& view) const {
    if (!view.state.complaint) return ui.t("home.tile.complaint");
    const ComplaintFlow& f = *view.state.complaint;
    std::string text = ui.t(complaintStepKey(f.step()));
    if (!f.lastError().empty()) text += ui.t("speech.pause") + ui.t(f.lastError());
    if (f.step() == Step::Receipt && f.receipt())
        text += ui.t("speech.pause") + ui.t("complaint.receipt.code") + " " + f.receipt()->trackingCode;
    return text;
}

void ComplaintScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    if (!view.state.complaint) return;
    const auto& th = ui.theme;
    const ComplaintFlow& f = *view.state.complaint;
    const float y = flowHeading(ui, ui.t(complaintStepKey(f.step())), f.lastError(), content);
    const Rect body{content.x, y, content.w, content.bottom() - y};
    const bool wide = body.w > body.h;
    switch (f.step()) {
        case Step::Category: {
            std::vector<std::pair<std::string, std::string>> items;
            for (ComplaintCategory c : kComplaintCategories) items.emplace_back(std::string(toString(c)), ui.t(categoryKey(c)));
            if (auto i = choiceGrid(ui, "complaint.category", items, body, wide ? 4 : 2, th.buttonHeight * 1.6f))
                ui.emit(intent::Complaint{Kind::Category, {}, kComplaintCategories[*i]});
            break;
        }
        case Step::Description: drawDescription(ui, view, f, body); break;
        case Step::Route: {
            const std::vector<Option> options = {
                {"complaint.route.desk", ui.t("complaint.route.desk"), ui.t("complaint.route.desk.hint")},
                {"complaint.route.gm", ui.t("complaint.route.gm"), ui.t("complaint.route.gm.hint")}};
            if (auto i = optionList(ui, options, body)) ui.emit(intent::Complaint{Kind::Route, {}, {}, *i == 1});
            break;
        }
        case Step::Identity: {
            const std::vector<Option> options = {
                {"complaint.identity.named", ui.t("complaint.identity.named"), ui.t("complaint.identity.named.hint")},
                {"complaint.identity.anonymous", ui.t("complaint.identity.anonymous"), ui.t("complaint.identity.anonymous.hint")}};
            if (auto i = optionList(ui, options, body)) ui.emit(intent::Complaint{Kind::Identity, {}, {}, *i == 1});
            break;
        }
        case Step::Phone: drawPhone(ui, view, body); break;
        case Step::Confirm:
        case Step::Submitting: drawConfirm(ui, f, body); break;
        case Step::Receipt: drawReceipt(ui, view, f, body); break;
    }
}

void ComplaintScreen::drawDescription(const Ui& ui, const KioskView& view, const ComplaintFlow& f, Rect body) const {
    TextStep step{"complaint", ui.t("complaint.description.empty"), ui.t("complaint.description.count"),
                  ComplaintFlow::kMaxDescription, {}, ui.t("common.next")};
    const std::string category(toString(f.draft().complaintCategory));
    for (int i = 1; i <= 6; ++i) {
        const std::string key = "complaint.phrase." + category + "." + std::to_string(i);
        if (ui.catalog.has(key)) step.phrases.emplace_back(std::to_string(i), ui.t(key));
    }
    const TextStepTap tap = textStep(ui, view.state, step, body);
    if (tap.phrase) ui.emit(intent::Complaint{Kind::Phrase, step.phrases[*tap.phrase].second});
    if (tap.next) ui.emit(intent::Complaint{Kind::FinishDescription});
}

void ComplaintScreen::drawPhone(const Ui& ui, const KioskView& view, Rect body) const {
    const auto& th = ui.theme;
    const bool beside = body.w > body.h * 1.2f;
    const Rect left = beside ? Rect{body.x, body.y, body.w * 0.48f, body.h} : body;
    float y = left.y + drawParagraph(ui, FontRole::Body, ui.t("complaint.phone.hint"), left, th.colors.textMuted) + th.gap;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    entryBox(ui, phone::masked(view.state.entry), "", {left.x, y, left.w, boxH});
    y += boxH + th.gap;
    if (const float h = entryError(ui, view.state.entryError, {left.x, y, left.w, 0}); h > 0) y += h + th.gap;
    const float nextH = th.buttonHeight * 1.2f;
    Rect pad;
    if (beside) {
        pad = {left.right() + th.gap * 2, body.y, std::min(body.right() - left.right() - th.gap * 2, th.mm(150)), body.h};
    } else {
        const float padW = std::min(body.w, th.mm(150));
        pad = {body.x + (body.w - padW) / 2, y, padW, std::min(body.bottom() - y - nextH - th.gap, th.mm(190))};
        y += pad.h + th.gap;
    }
    keypad(ui, pad, false);
    if (button(ui, "complaint.next", ui.t("common.next"), {left.x, y, left.w, nextH}))
        ui.emit(intent::Complaint{Kind::PhoneDone});
}

void ComplaintScreen::drawConfirm(const Ui& ui, const ComplaintFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const NewTicket& d = f.draft();
    const ReadBackRows rows = {
        {ui.t("complaint.confirm.category"), ui.t(categoryKey(d.complaintCategory))},
        {ui.t("complaint.confirm.description"), d.description},
        {ui.t("complaint.confirm.route"), ui.t(d.toGeneralManager ? "complaint.route.gm" : "complaint.route.desk")},
        {ui.t("complaint.confirm.contact"), d.anonymous ? ui.t("complaint.identity.anonymous") : phone::masked(d.phone)},
    };
    const float h = th.buttonHeight * 1.3f;
    const float y = readBack(ui, rows, body, h + th.gap);
    if (f.step() == Step::Submitting)
        drawText(ui, FontRole::Title, ui.t("complaint.submitting"), body.x, y + th.gap, th.colors.text, Align::Center, body.w);
    else if (button(ui, "complaint.confirm", ui.t("complaint.confirm.submit"), {body.x, y + th.gap, body.w, h}))
        ui.emit(intent::Complaint{Kind::Confirm});
}

void ComplaintScreen::drawReceipt(const Ui& ui, const KioskView& view, const ComplaintFlow& f, Rect body) const {
    const auto& th = ui.theme;
    if (!f.receipt()) return;
    const Receipt& r = *f.receipt();
    const NewTicket& d = f.draft();
    const Language lang = view.state.settings.language;
    const float qrSide = view.receiptQr ? std::min(th.mm(45), body.w * 0.35f) : 0;
    if (view.receiptQr) qrCode(ui, *view.receiptQr, {body.right() - qrSide, body.y, qrSide, qrSide});
    const float textW = body.w - (qrSide > 0 ? qrSide + th.gap : 0);
    float y = body.y;
    drawText(ui, FontRole::Body, ui.t("complaint.receipt.code"), body.x, y, th.colors.textMuted);
    y += lineHeight(ui, FontRole::Body);
    drawText(ui, FontRole::Display, r.trackingCode, body.x, y, th.colors.text);
    y += lineHeight(ui, FontRole::Display) + th.gap;
    y += drawParagraph(ui, FontRole::Title, ui.t(r.delivered ? "complaint.receipt.delivered" : "complaint.receipt.queued"),
                       {body.x, y, textW, 0}, th.colors.text) + th.gap;
    y = std::max(y, body.y + qrSide + th.gap);
    if (d.toGeneralManager)
        y += drawParagraph(ui, FontRole::Body, ui.t("complaint.receipt.gm"), {body.x, y, body.w, 0}, th.colors.text) + th.gap;
    y += drawParagraph(ui, FontRole::Body,
                       format(ui.t("complaint.receipt.promise"), {{"time", formatMoment(r.promisedBy, view.now, lang)}}),
                       {body.x, y, body.w, 0}, th.colors.text) + th.gap;
    y += drawParagraph(ui, FontRole::Body, ui.t(d.anonymous ? "complaint.receipt.track_anonymous" : "complaint.receipt.track"),
                       {body.x, y, body.w, 0}, th.colors.textMuted) + th.gap;
    if (button(ui, "complaint.done", ui.t("complaint.receipt.done"), {body.x, y, body.w, th.buttonHeight * 1.3f}))
        ui.emit(intent::Home{});
}

}  // namespace homedesk::ui
