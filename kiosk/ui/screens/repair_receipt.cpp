// The read-back before submitting, and the receipt after the durable commit.
#include <algorithm>
#include <string>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/phone.hpp"
#include "kiosk/ui/screens/repair_screen.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

using Step = RepairFlow::Step;

namespace {
std::string locationText(const Ui& ui, const KioskView& view, const TicketLocation& where) {
    const Language lang = view.state.settings.language;
    const Directory& dir = *view.state.directory;
    std::string text;
    if (const Building* b = dir.building(where.buildingId)) text = b->name.in(lang);
    if (where.kind == TicketLocation::Kind::Home) return text + " " + where.unit + " (" + ui.t("repair.where.home") + ")";
    if (const Place* p = dir.place(where.placeId)) text += " " + p->name.in(lang);
    return text;
}
}  // namespace

void RepairScreen::drawConfirm(const Ui& ui, const KioskView& view, const RepairFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const NewTicket& d = f.draft();
    std::vector<std::pair<std::string, std::string>> rows = {
        {ui.t("repair.confirm.category"), ui.t("repair.category." + std::string(toString(d.repairCategory)))},
        {ui.t("repair.confirm.location"), locationText(ui, view, d.location)},
    };
    if (d.coReportOf) {
        rows.push_back({"", format(ui.t("repair.confirm.metoo"), {{"number", *d.coReportOf}})});
    } else {
        rows.push_back({ui.t("repair.confirm.urgency"), ui.t(d.urgency == Urgency::Urgent ? "repair.urgency.urgent" : "repair.urgency.normal")});
        rows.push_back({ui.t("repair.confirm.description"), d.description});
    }
    rows.push_back({ui.t("repair.confirm.phone"), phone::masked(d.phone)});
    if (!d.coReportOf)
        rows.push_back({ui.t("repair.confirm.slot"), ui.t(d.preferredSlot.empty() ? "repair.slot.any" : "repair.slot." + d.preferredSlot)});

    // Large type if it fits with the button under it; wide screens use two columns of rows.
    const int columns = body.w > body.h * 1.2f ? 2 : 1;
    const float columnW = (body.w - th.gap * 2 * (columns - 1)) / columns;
    const float labelW = columnW * 0.3f;
    const float h = th.buttonHeight * 1.3f;
    const size_t perColumn = (rows.size() + columns - 1) / columns;
    const auto heightIn = [&](FontRole role) {
        float tallest = 0;
        for (int c = 0; c < columns; ++c) {
            float col = 0;
            for (size_t i = c * perColumn; i < std::min(rows.size(), (c + 1) * perColumn); ++i)
                col += paragraphHeight(ui, role, rows[i].second, columnW - labelW) + th.gap / 2;
            tallest = std::max(tallest, col);
        }
        return tallest;
    };
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (heightIn(role) + th.gap + h > body.h) role = smaller;
    float y = body.y;
    for (int c = 0; c < columns; ++c) {
        const float x = body.x + c * (columnW + th.gap * 2);
        float cy = body.y;
        for (size_t i = c * perColumn; i < std::min(rows.size(), (c + 1) * perColumn); ++i) {
            drawText(ui, FontRole::Body, rows[i].first, x, cy, th.colors.textMuted);
            cy += drawParagraph(ui, role, rows[i].second, {x + labelW, cy, columnW - labelW, 0}, th.colors.text) + th.gap / 2;
        }
        y = std::max(y, cy);
    }
    if (f.step() == Step::Submitting) {
        drawText(ui, FontRole::Title, ui.t("repair.submitting"), body.x, y + th.gap, th.colors.text, Align::Center, body.w);
    } else if (button(ui, "repair.confirm", ui.t("repair.confirm.submit"), {body.x, y + th.gap, body.w, h})) {
        ui.emit(intent::Repair{intent::Repair::Kind::Confirm});
    }
}

void RepairScreen::drawReceipt(const Ui& ui, const KioskView& view, const RepairFlow& f, Rect body) const {
    const auto& th = ui.theme;
    if (!f.receipt()) return;
    const Receipt& r = *f.receipt();
    const Language lang = view.state.settings.language;
    // The QR (a link a phone camera opens) on the right; the words on the left.
    const float qrSide = view.receiptQr ? std::min(th.mm(45), body.w * 0.35f) : 0;
    if (view.receiptQr) qrCode(ui, *view.receiptQr, {body.right() - qrSide, body.y, qrSide, qrSide});
    const float textW = body.w - (qrSide > 0 ? qrSide + th.gap : 0);
    float y = body.y;
    drawText(ui, FontRole::Body, ui.t("repair.receipt.code"), body.x, y, th.colors.textMuted);
    y += lineHeight(ui, FontRole::Body);
    drawText(ui, FontRole::Display, r.trackingCode, body.x, y, th.colors.text);
    y += lineHeight(ui, FontRole::Display) + th.gap;
    y += drawParagraph(ui, FontRole::Title, ui.t(r.delivered ? "repair.receipt.delivered" : "repair.receipt.queued"),
                       {body.x, y, textW, 0}, th.colors.text) + th.gap;
    y = std::max(y, body.y + qrSide + th.gap);
    const bool urgent = f.draft().urgency == Urgency::Urgent;
    y += drawParagraph(ui, FontRole::Body,
                       format(ui.t("repair.receipt.promise"),
                              {{"time", formatMoment(r.promisedBy, view.now, lang)},
                               {"what", ui.t(urgent ? "repair.receipt.respond" : "repair.receipt.arrange")}}),
                       {body.x, y, body.w, 0}, th.colors.text) + th.gap;
    y += drawParagraph(ui, FontRole::Body, ui.t("repair.receipt.track"), {body.x, y, body.w, 0}, th.colors.textMuted) + th.gap;
    // Follow it now (Track with the code filled in), or finish.
    const float h = th.buttonHeight * 1.3f;
    const float half = (body.w - th.gap) / 2;
    if (button(ui, "repair.track", ui.t("repair.receipt.follow"), {body.x, y, half, h}, ButtonStyle::Secondary))
        ui.emit(intent::Track{intent::Track::Kind::Start, r.trackingCode});
    if (button(ui, "repair.done", ui.t("repair.receipt.done"), {body.x + half + th.gap, y, half, h}))
        ui.emit(intent::Home{});
}

}  // namespace homedesk::ui
