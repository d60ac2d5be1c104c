#include "kiosk/ui/screens/scan_screen.hpp"

#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/keypad.hpp"

namespace homedesk::ui {
namespace {

using Step = ScanFlow::Step;
using Kind = intent::Scan::Kind;

const char* stepKey(Step step) {
    switch (step) {
        case Step::Aim: return "scan.step.aim";
        case Step::Result: return "scan.step.result";
        case Step::Refused: return "scan.step.refused";
        case Step::StaffPin: return "scan.step.staff_pin";
        case Step::Code: return "scan.step.code";
    }
    return "home.tile.scan";
}

const char* cameraKey(ScanView::Camera camera) {
    switch (camera) {
        case ScanView::Camera::None: return "scan.camera.none";
        case ScanView::Camera::Unplugged: return "scan.camera.unplugged";
        case ScanView::Camera::Failed: return "scan.camera.failed";
        case ScanView::Camera::Running: return "";
    }
    return "";
}

const char* distanceKey(ScanFlow::Distance d) {
    if (d == ScanFlow::Distance::TooClose) return "scan.too_close";
    if (d == ScanFlow::Distance::TooFar) return "scan.too_far";
    return "";
}

// The line under the kind's name: which code, home or place it names.
std::string detail(const Ui& ui, const KioskView& view, const ScanResult& r) {
    const Language lang = view.state.settings.language;
    const Directory* dir = view.state.directory;
    const Building* b = dir ? dir->building(r.building) : nullptr;
    const std::string building = b ? b->name.in(lang) : r.building;
    switch (r.kind) {
        case ScanKind::TicketReceipt: return format(ui.t("scan.detail.ticket_receipt"), {{"code", r.ticketCode}});
        case ScanKind::HouseholdCard:
            return format(ui.t("scan.detail.household"), {{"building", building}, {"unit", r.unit}});
        case ScanKind::LocationSticker: {
            const Place* p = dir ? dir->place(r.place) : nullptr;
            return format(ui.t("scan.detail.location"), {{"building", building}, {"place", p ? p->name.in(lang) : r.place}});
        }
        case ScanKind::StaffBadge: return format(ui.t("scan.detail.staff_badge"), {{"name", r.name}});
        default: return "";
    }
}

// A banner with one message (a refusal, an error, the distance, the camera).
float banner(const Ui& ui, const std::string& text, Rect at) {
    const auto& th = ui.theme;
    const float h = paragraphHeight(ui, FontRole::Title, text, at.w - 2 * th.padding);
    panel(ui, {at.x, at.y, at.w, h + th.padding}, th.colors.banner);
    drawParagraph(ui, FontRole::Title, text, {at.x + th.padding, at.y + th.padding / 2, at.w - 2 * th.padding, h},
                  th.colors.bannerText);
    return h + th.padding + th.gap;
}

// The newest frame as a mosaic of grey cells, and the guide frame's corners over it.
void preview(const Ui& ui, const ScanView* scan, Rect r) {
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), IM_COL32(30, 30, 30, 255));
    if (scan && scan->width > 0 && scan->height > 0 &&
        scan->pixels.size() >= static_cast<std::size_t>(scan->width) * scan->height) {
        const float cell = std::min(r.w / scan->width, r.h / scan->height);
        const float x0 = r.x + (r.w - cell * scan->width) / 2, y0 = r.y + (r.h - cell * scan->height) / 2;
        for (int y = 0; y < scan->height; ++y)
            for (int x = 0; x < scan->width; ++x) {
                const unsigned v = scan->pixels[static_cast<std::size_t>(y) * scan->width + x];
                dl->AddRectFilled(ImVec2(x0 + x * cell, y0 + y * cell), ImVec2(x0 + (x + 1) * cell + 0.5f, y0 + (y + 1) * cell + 0.5f),
                                  IM_COL32(v, v, v, 255));
            }
    }
    const float side = std::min(r.w, r.h) * 0.8f;
    const float gx = r.x + (r.w - side) / 2, gy = r.y + (r.h - side) / 2, arm = side * 0.2f;
    const float thick = std::max(3.0f, ui.theme.mm(1.2f));
    const ImU32 c = toU32(ui.theme.colors.focus);
    for (int corner = 0; corner < 4; ++corner) {
        const float cx = corner % 2 ? gx + side : gx, cy = corner / 2 ? gy + side : gy;
        const float dx = corner % 2 ? -arm : arm, dy = corner / 2 ? -arm : arm;
        dl->AddLine(ImVec2(cx, cy), ImVec2(cx + dx, cy), c, thick);
        dl->AddLine(ImVec2(cx, cy), ImVec2(cx, cy + dy), c, thick);
    }
}

}  // namespace

std::string ScanScreen::summary(const Ui& ui, const KioskView& view) const {
    const ScanFlow* f = view.state.flow<ScanFlow>();
    if (!f) return ui.t("home.tile.scan");
    std::string text = ui.t(stepKey(f->step()));
    if (f->step() == Step::Result) text += ui.t("speech.pause") + ui.t(kindKey(f->result().kind));
    if (f->step() == Step::Refused) text += ui.t("speech.pause") + ui.t(refusalKey(f->result().refusal));
    if (f->step() == Step::Aim && *distanceKey(f->distance())) text += ui.t("speech.pause") + ui.t(distanceKey(f->distance()));
    if (!f->lastError().empty()) text += ui.t("speech.pause") + ui.t(f->lastError());
    return text;
}

void ScanScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    const ScanFlow* f = view.state.flow<ScanFlow>();
    if (!f) return;
    float y = content.y;
    y += drawParagraph(ui, FontRole::Title, ui.t(stepKey(f->step())), {content.x, y, content.w, 0}, th.colors.text) + th.gap;
    const std::string& error = !f->lastError().empty() ? f->lastError() : view.state.entryError;
    if (!error.empty()) y += banner(ui, ui.t(error), {content.x, y, content.w, 0});
    const Rect body{content.x, y, content.w, content.bottom() - y};
    switch (f->step()) {
        case Step::Aim: drawAim(ui, view, *f, body); break;
        case Step::Result:
        case Step::Refused: drawResult(ui, view, *f, body); break;
        case Step::StaffPin:
        case Step::Code: drawDigits(ui, view, *f, body); break;
    }
}

void ScanScreen::drawAim(const Ui& ui, const KioskView& view, const ScanFlow& f, Rect body) const {
    const auto& th = ui.theme;
    float y = body.y;
    const ScanView::Camera camera = view.scan ? view.scan->camera : ScanView::Camera::None;
    if (*cameraKey(camera)) y += banner(ui, ui.t(cameraKey(camera)), {body.x, y, body.w, 0});
    else if (*distanceKey(f.distance())) y += banner(ui, ui.t(distanceKey(f.distance())), {body.x, y, body.w, 0});
    const float buttonH = th.buttonHeight * 1.2f;
    const float hintH = paragraphHeight(ui, FontRole::Body, ui.t("scan.aim.hint"), body.w);
    const float room = body.bottom() - y - buttonH - hintH - 2 * th.gap;
    if (camera == ScanView::Camera::Running && room > th.mm(30)) {
        const float h = std::min(room, th.mm(120));
        const float w = std::min(body.w, h * 16 / 9);
        preview(ui, view.scan, {body.x + (body.w - w) / 2, y, w, h});
        y += h + th.gap;
    }
    y += drawParagraph(ui, FontRole::Body, ui.t("scan.aim.hint"), {body.x, y, body.w, 0}, th.colors.textMuted) + th.gap;
    if (button(ui, "scan.keypad", ui.t("scan.keypad"), {body.x, std::min(y, body.bottom() - buttonH), body.w, buttonH}))
        ui.emit(intent::Scan{Kind::Keypad});
}

void ScanScreen::drawResult(const Ui& ui, const KioskView& view, const ScanFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const ScanResult& r = f.result();
    float y = body.y;
    if (f.step() == Step::Refused) {
        y += banner(ui, ui.t(refusalKey(r.refusal)), {body.x, y, body.w, 0});
    } else {
        y += drawParagraph(ui, FontRole::Display, ui.t(kindKey(r.kind)), {body.x, y, body.w, 0}, th.colors.text) + th.gap;
        const std::string line = detail(ui, view, r);
        if (!line.empty()) y += drawParagraph(ui, FontRole::Title, line, {body.x, y, body.w, 0}, th.colors.text) + th.gap;
    }
    const float buttonH = th.buttonHeight * 1.2f;
    const std::string act = std::string("scan.act.") + scanKindName(r.kind);
    const bool acts = f.step() == Step::Result && (r.kind == ScanKind::TicketReceipt || r.kind == ScanKind::HouseholdCard ||
                                                   r.kind == ScanKind::LocationSticker || r.kind == ScanKind::SurveyInvitation);
    y = std::max(y, body.bottom() - (acts ? 2 * buttonH + th.gap : buttonH));
    if (acts) {
        if (button(ui, "scan.act", ui.t(act), {body.x, y, body.w, buttonH})) ui.emit(intent::Scan{Kind::Act});
        y += buttonH + th.gap;
    }
    if (button(ui, "scan.again", ui.t("scan.again"), {body.x, y, body.w, buttonH})) ui.emit(intent::Scan{Kind::Again});
}

void ScanScreen::drawDigits(const Ui& ui, const KioskView& view, const ScanFlow& f, Rect body) const {
    const auto& th = ui.theme;
    const bool pin = f.step() == Step::StaffPin;
    float y = body.y;
    if (pin) {
        const std::string who = detail(ui, view, f.result());
        if (!who.empty()) y += drawParagraph(ui, FontRole::Strong, who, {body.x, y, body.w, 0}, th.colors.text) + th.gap;
    }
    const std::string& entry = view.state.entry;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    entryBox(ui, pin ? std::string(entry.size(), '*') : entry, "", {body.x, y, body.w, boxH});
    y += boxH + th.gap;
    const float nextH = th.buttonHeight * 1.2f;
    const float padW = std::min(body.w, th.mm(150));
    const Rect pad{body.x + (body.w - padW) / 2, y, padW, std::min(body.bottom() - y - nextH - th.gap, th.mm(190))};
    keypad(ui, pad, false);
    y += pad.h + th.gap;
    if (button(ui, "scan.next", ui.t(pin ? "scan.pin.open" : "common.next"), {body.x, std::min(y, body.bottom() - nextH), body.w, nextH}))
        ui.emit(intent::Scan{pin ? Kind::PinDone : Kind::CodeDone});
}

}  // namespace homedesk::ui
