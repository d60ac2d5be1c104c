#include "kiosk/ui/screens/complaint_screen.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/phone.hpp"
#include "kiosk/core/spoken.hpp"
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
    if (!view.state.flow<ComplaintFlow>()) return ui.t("home.tile.complaint");
    const ComplaintFlow& f = *view.state.flow<ComplaintFlow>();
    std::string text = ui.t(complaintStepKey(f.step()));
    if (!f.lastError().empty()) text += ui.t("speech.pause") + ui.t(f.lastError());
    // The resident's own words read back before they submit; the code digit by digit after.
    if (f.step() == Step::Confirm)
        text += ui.t("speech.pause") + ui.t("complaint.confirm.description") + " " + f.draft().description;
    if (f.step() == Step::Receipt && f.receipt())
        text += ui.t("speech.pause") + ui.t("complaint.receipt.code") + " " + spellDigits(f.receipt()->trackingCode);
    return text;
}

void ComplaintScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    if (!view.state.flow<ComplaintFlow>()) return;
    const auto& th = ui.theme;
    const ComplaintFlow& f = *view.state.flow<ComplaintFlow>();
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
    const TextStepTap tap = textStep(ui, view, step, body);
    if (tap.phrase) ui.emit(intent::Complaint{Kind::Phrase, step.phrases[*tap.phrase].second});
    if (tap.next) ui.emit(intent::Complaint{Kind::FinishDescription});
}

void ComplaintScreen::drawPhone(const Ui& ui, const KioskView& view, Rect body) const {
    const auto& th = ui.theme;
    const bool beside = body.w > body.h * 1.2f;
    const Rect left = beside ? Rect{body.x, body.y, body.w * 0.48f, body.h} : body;
    const float nextH = th.buttonHeight * 1.2f;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    const std::string& error = view.state.entryError;
    const float errorH = error.empty() ? 0 : paragraphHeight(ui, FontRole::Body, ui.t(error), left.w - 2 * th.padding) + th.padding / 2 + th.gap;
    const float hintH = paragraphHeight(ui, FontRole::Body, ui.t("complaint.phone.hint"), left.w) + th.gap;
    // Wide screens: the keypad on the right, Next at the foot of the left column; the hint only
    // where it fits. Tall screens: keypad under the number, Next under the keypad.
    const bool hint = !beside || hintH + boxH + th.gap + errorH + nextH <= body.h;
    float y = left.y;
    if (hint) y += drawParagraph(ui, FontRole::Body, ui.t("complaint.phone.hint"), left, th.colors.textMuted) + th.gap;
    entryBox(ui, phone::masked(view.state.entry), "", {left.x, y, left.w, boxH});
    y += boxH + th.gap;
    if (const float h = entryError(ui, error, {left.x, y, left.w, 0}); h > 0) y += h + th.gap;
    Rect pad;
    if (beside) {
        pad = {left.right() + th.gap * 2, body.y, std::min(body.right() - left.right() - th.gap * 2, th.mm(150)), body.h};
        y = body.bottom() - nextH;
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
    const NewTicket& d = f.draft();
    const ReadBackRows rows = {
        {ui.t("complaint.confirm.category"), ui.t(categoryKey(d.complaintCategory))},
        {ui.t("complaint.confirm.description"), d.description},
        {ui.t("complaint.confirm.route"), ui.t(d.toGeneralManager ? "complaint.route.gm" : "complaint.route.desk")},
        {ui.t("complaint.confirm.contact"), d.anonymous ? ui.t("complaint.identity.anonymous") : phone::masked(d.phone)},
    };
    const std::string compact = rows[0].second + " · " + rows[2].second + " · " + rows[3].second + "\n" + d.description;
    if (confirmStep(ui, rows, compact, body, "complaint.confirm", ui.t("complaint.confirm.submit"), f.step() == Step::Submitting,
                    ui.t("complaint.submitting")))
        ui.emit(intent::Complaint{Kind::Confirm});
}

void ComplaintScreen::drawReceipt(const Ui& ui, const KioskView& view, const ComplaintFlow& f, Rect body) const {
    const auto& th = ui.theme;
    if (!f.receipt()) return;
    const Receipt& r = *f.receipt();
    const NewTicket& d = f.draft();
    const Language lang = view.state.settings.language;
    const float doneH = th.buttonHeight * 1.2f;
    // The QR (a link a phone camera opens) at the top right, or at the left on wide screens.
    const bool wide = body.w > body.h * 1.2f;
    const float qrSide = view.receiptQr ? std::max(0.0f, std::min({th.mm(45), body.w * 0.3f, body.h - doneH - th.gap})) : 0;
    const Rect qr = wide ? Rect{body.x, body.y, qrSide, qrSide} : Rect{body.right() - qrSide, body.y, qrSide, qrSide};
    if (view.receiptQr && qrSide > 0) qrCode(ui, *view.receiptQr, qr);
    const float x = wide && qrSide > 0 ? body.x + qrSide + th.gap * 2 : body.x;
    const float w = body.right() - x;
    const float headW = wide ? w : w - (qrSide > 0 ? qrSide + th.gap : 0);

    std::vector<std::string> lines = {ui.t(r.delivered ? "complaint.receipt.delivered" : "complaint.receipt.queued")};
    if (d.toGeneralManager) lines.push_back(ui.t("complaint.receipt.gm"));
    lines.push_back(format(ui.t("complaint.receipt.promise"), {{"time", formatMoment(r.promisedBy, view.now, lang)}}));
    lines.push_back(ui.t(d.anonymous ? "complaint.receipt.track_anonymous" : "complaint.receipt.track"));
    const float codeH = lineHeight(ui, FontRole::Body) + lineHeight(ui, FontRole::Display) + th.gap;
    // Wide screens have little height: Done goes beside the code, and the lines after the first
    // (the status) are left out from the end when even small type does not fit; Home says the same.
    const float doneW = wide ? std::min(w * 0.35f, th.mm(80)) : w;
    const float below = wide ? 0 : doneH + th.gap;
    const auto heightIn = [&](FontRole role, size_t count) {
        float h = codeH;
        for (size_t i = 0; i < count; ++i)
            h += paragraphHeight(ui, i == 0 ? role : FontRole::Body, lines[i], i == 0 ? headW : w) + th.gap / 2;
        return h;
    };
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (heightIn(role, lines.size()) + below > body.h) role = smaller;
    while (lines.size() > 1 && heightIn(role, lines.size()) + below > body.h) lines.pop_back();
    float y = body.y;
    drawText(ui, FontRole::Body, ui.t("complaint.receipt.code"), x, y, th.colors.textMuted);
    drawText(ui, FontRole::Display, r.trackingCode, x, y + lineHeight(ui, FontRole::Body), th.colors.text);
    if (wide && button(ui, "complaint.done", ui.t("complaint.receipt.done"),
                       {body.right() - doneW, y, doneW, std::max(th.minTargetPx, std::min(doneH, codeH - th.gap))}))
        ui.emit(intent::Home{});
    y += codeH;
    for (size_t i = 0; i < lines.size(); ++i) {
        const bool first = i == 0;
        if (!first && !wide) y = std::max(y, qr.bottom() + th.gap / 2);
        y += drawParagraph(ui, first ? role : FontRole::Body, lines[i], {x, y, first ? headW : w, 0},
                           i + 1 == lines.size() && lines.size() > 2 ? th.colors.textMuted : th.colors.text) + th.gap / 2;
    }
    if (wide) return;
    y = std::min(std::max(y + th.gap / 2, qr.bottom() + th.gap), body.bottom() - doneH);
    if (button(ui, "complaint.done", ui.t("complaint.receipt.done"), {x, y, w, doneH})) ui.emit(intent::Home{});
}

}  // namespace homedesk::ui
