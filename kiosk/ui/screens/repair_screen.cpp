#include "kiosk/ui/screens/repair_screen.hpp"

#include <string>
#include <vector>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/phone.hpp"
#include "kiosk/core/spoken.hpp"
#include "kiosk/ui/flow_parts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/keypad.hpp"

namespace homedesk::ui {

using Step = RepairFlow::Step;
using Kind = intent::Repair::Kind;
using Items = std::vector<std::pair<std::string, std::string>>;

const char* repairStepKey(Step step) {
    switch (step) {
        case Step::Category: return "repair.step.category";
        case Step::GasWarning: return "repair.gas.title";
        case Step::WhereKind: return "repair.step.where";
        case Step::Building: return "repair.step.building";
        case Step::Unit: return "repair.step.unit";
        case Step::Place: return "repair.step.place";
        case Step::MeToo: return "repair.step.metoo";
        case Step::Urgency: return "repair.step.urgency";
        case Step::Description: return "repair.step.description";
        case Step::Phone: return "repair.step.phone";
        case Step::Slot: return "repair.step.slot";
        case Step::Confirm: return "repair.step.confirm";
        case Step::Submitting: return "repair.submitting";
        case Step::Receipt: return "repair.receipt.title";
    }
    return "home.tile.repair";
}

std::string RepairScreen::summary(const Ui& ui, const KioskView& view) const {
    if (!view.state.flow<RepairFlow>()) return ui.t("home.tile.repair");
    const RepairFlow& f = *view.state.flow<RepairFlow>();
    std::string text = ui.t(repairStepKey(f.step()));
    if (!f.lastError().empty()) text += ui.t("speech.pause") + ui.t(f.lastError());
    // The resident's own words read back before they submit; the code digit by digit after.
    if (f.step() == Step::Confirm)
        text += ui.t("speech.pause") + ui.t("repair.confirm.description") + " " + f.draft().description;
    if (f.step() == Step::Receipt && f.receipt())
        text += ui.t("speech.pause") + ui.t("repair.receipt.code") + " " + spellDigits(f.receipt()->trackingCode);
    return text;
}

void RepairScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    if (!view.state.flow<RepairFlow>()) return;
    const RepairFlow& f = *view.state.flow<RepairFlow>();
    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, ui.t(repairStepKey(f.step())), {content.x, y, content.w, 0},
                       th.colors.text);
    if (!f.lastError().empty()) {
        const float h = paragraphHeight(ui, FontRole::Title, ui.t(f.lastError()), content.w - 2 * th.padding);
        panel(ui, {content.x, y + th.gap / 2, content.w, h + th.padding}, th.colors.banner);
        drawParagraph(ui, FontRole::Title, ui.t(f.lastError()),
                      {content.x + th.padding, y + th.gap / 2 + th.padding / 2, content.w - 2 * th.padding, h},
                      th.colors.bannerText);
        y += h + th.padding + th.gap / 2;
    }
    y += th.gap;
    const Rect body{content.x, y, content.w, content.bottom() - y};
    switch (f.step()) {
        case Step::Unit:
        case Step::Phone: drawEntry(ui, view, f, body); break;
        case Step::Description: drawDescription(ui, view, f, body); break;
        case Step::Confirm:
        case Step::Submitting: drawConfirm(ui, view, f, body); break;
        case Step::Receipt: drawReceipt(ui, view, f, body); break;
        default: drawChoices(ui, view, f, body); break;
    }
}

void RepairScreen::drawChoices(const Ui& ui, const KioskView& view, const RepairFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const Language lang = view.state.settings.language;
    const int cols = body.w > body.h ? 3 : 2;
    const float rowH = th.buttonHeight * 1.3f;
    const auto emit = [&](Kind kind, std::string text = {}) { ui.emit(intent::Repair{kind, std::move(text)}); };
    switch (f.step()) {
        case Step::Category: {
            Items items;
            for (RepairCategory c : kRepairCategories) {
                const std::string key(toString(c));
                items.emplace_back(key, ui.t("repair.category." + key));
            }
            if (auto i = choiceGrid(ui, "repair.category", items, body, cols, rowH))
                ui.emit(intent::Repair{Kind::Category, {}, kRepairCategories[*i]});
            break;
        }
        case Step::GasWarning: {
            const float h = drawParagraph(ui, FontRole::Title, format(ui.t("repair.gas.body"), {{"phone", view.site.gasLine}}),
                                          body, th.colors.text);
            if (button(ui, "repair.gas.continue", ui.t("repair.gas.continue"),
                       {body.x, body.y + h + th.gap * 2, body.w, rowH}))
                emit(Kind::GasContinue);
            break;
        }
        case Step::WhereKind: {
            const Items items{{"home", ui.t("repair.where.home")}, {"public", ui.t("repair.where.public")}};
            if (auto i = choiceGrid(ui, "repair.where", items, body, 1, rowH * 1.4f)) emit(*i == 0 ? Kind::Home : Kind::PublicPlace);
            break;
        }
        case Step::Building: {
            Items items;
            for (const auto& b : view.state.directory->buildings) items.emplace_back(b.id, b.name.in(lang));
            if (auto i = choiceGrid(ui, "repair.building", items, body, cols, rowH)) emit(Kind::Building, items[*i].first);
            break;
        }
        case Step::Place: {
            Items items;
            for (const Place* p : view.state.directory->placesIn(f.draft().location.buildingId))
                items.emplace_back(p->id, p->name.in(lang));
            if (auto i = choiceGrid(ui, "repair.place", items, body, cols, rowH)) emit(Kind::Place, items[*i].first);
            break;
        }
        case Step::MeToo: {
            float y = body.y + drawParagraph(ui, FontRole::Body, ui.t("repair.metoo.hint"), body, th.colors.text) + th.gap;
            for (const auto& t : f.openTickets()) {
                const std::string number = t.ticketNumber.value_or("");
                const std::string status = t.history.empty() ? ui.t("status.submitted")
                                                             : ui.t("status." + std::string(toString(t.history.back().status)));
                const std::string line = t.description + "\n" +
                                         format(ui.t("repair.metoo.filed"),
                                                {{"status", status}, {"time", formatMoment(t.promisedBy, view.now, lang)}});
                const float textW = body.w * 0.62f;
                const float h = std::max(rowH, paragraphHeight(ui, FontRole::Body, line, textW));
                drawParagraph(ui, FontRole::Body, line, {body.x, y, textW, h}, th.colors.text);
                if (button(ui, "repair.metoo.join." + number, ui.t("repair.metoo.join"),
                           {body.x + textW + th.gap, y, body.w - textW - th.gap, std::max(rowH, h)}))
                    emit(Kind::Join, number);
                y += std::max(rowH, h) + th.gap;
            }
            if (button(ui, "repair.metoo.new", ui.t("repair.metoo.new"), {body.x, y, body.w, rowH}, ButtonStyle::Secondary))
                emit(Kind::FileNew);
            break;
        }
        case Step::Urgency: {
            float y = body.y;
            for (Urgency u : {Urgency::Urgent, Urgency::Normal}) {
                const std::string key = u == Urgency::Urgent ? "repair.urgency.urgent" : "repair.urgency.normal";
                const std::string label = ui.t(key) + "\n" + ui.t(key + ".promise");
                const float h = std::max(rowH * 1.4f, paragraphHeight(ui, FontRole::Strong, label, body.w - 2 * th.padding) + th.padding);
                if (button(ui, key, label, {body.x, y, body.w, h})) ui.emit(intent::Repair{Kind::Urgency, {}, {}, u});
                y += h + th.gap;
            }
            break;
        }
        case Step::Slot: {
            const Items items{{"morning", ui.t("repair.slot.morning")}, {"afternoon", ui.t("repair.slot.afternoon")},
                              {"evening", ui.t("repair.slot.evening")}, {"any", ui.t("repair.slot.any")}};
            if (auto i = choiceGrid(ui, "repair.slot", items, body, 1, rowH)) emit(Kind::Slot, *i == 3 ? "" : items[*i].first);
            break;
        }
        default: break;
    }
}

void RepairScreen::drawEntry(const Ui& ui, const KioskView& view, const RepairFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const bool isPhone = f.step() == Step::Phone;
    // Wide screens put the keypad beside the entry; tall ones below it.
    const bool beside = body.w > body.h * 1.2f;
    const Rect left = beside ? Rect{body.x, body.y, body.w * 0.48f, body.h} : body;
    float y = left.y;
    if (isPhone) y += drawParagraph(ui, FontRole::Body, ui.t("repair.phone.hint"), left, th.colors.textMuted) + th.gap;
    const std::string& entry = view.state.entry;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    entryBox(ui, isPhone ? phone::masked(entry) : entry, "", {left.x, y, left.w, boxH});
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
    keypad(ui, pad, !isPhone);
    if (button(ui, "repair.next", ui.t("common.next"), {left.x, y, left.w, nextH}))
        ui.emit(intent::Repair{isPhone ? Kind::PhoneDone : Kind::UnitDone});
}

void RepairScreen::drawDescription(const Ui& ui, const KioskView& view, const RepairFlow& f, Rect body) const {
    TextStep step{"repair", ui.t("repair.description.empty"), ui.t("complaint.description.count"),
                  RepairFlow::kMaxDescription, {}, ui.t("common.next")};
    const std::string category(toString(f.draft().repairCategory));
    for (int i = 1; i <= 4; ++i) {
        const std::string key = "repair.phrase." + category + "." + std::to_string(i);
        if (ui.catalog.has(key)) step.phrases.emplace_back(std::to_string(i), ui.t(key));
    }
    const TextStepTap tap = textStep(ui, view, step, body);
    if (tap.phrase) ui.emit(intent::Repair{Kind::Phrase, step.phrases[*tap.phrase].second});
    if (tap.next) ui.emit(intent::Repair{Kind::FinishDescription});
}

}  // namespace homedesk::ui
