#include "kiosk/ui/ink_pad.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace homedesk::ui {

using K = intent::Compose::Kind;

namespace {
// Where the finger is, in the box's own 0..1 coordinates.
InkDot toBox(Rect box) {
    const ImVec2 p = ImGui::GetIO().MousePos;
    return {std::clamp((p.x - box.x) / box.w, 0.0f, 1.0f), std::clamp((p.y - box.y) / box.h, 0.0f, 1.0f)};
}

void writingBox(const Ui& ui, const ComposeView& compose, int index, Rect box) {
    const auto& th = ui.theme;
    auto* dl = ImGui::GetWindowDrawList();
    panel(ui, box, th.colors.surface);
    // A faint cross, as on squared writing paper, to help size the character.
    const unsigned guide = toU32(th.colors.border);
    const float dash = th.mm(3);
    for (float x = box.x; x < box.right(); x += dash * 2)
        dl->AddLine(ImVec2(x, box.y + box.h / 2), ImVec2(std::min(x + dash, box.right()), box.y + box.h / 2), guide, 1);
    for (float y = box.y; y < box.bottom(); y += dash * 2)
        dl->AddLine(ImVec2(box.x + box.w / 2, y), ImVec2(box.x + box.w / 2, std::min(y + dash, box.bottom())), guide, 1);
    if (compose.inkBox == index)
        dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), toU32(th.colors.focus), th.rounding, 0,
                    std::max(2.0f, th.mm(0.8f)));
    const float thick = std::max(3.0f, th.mm(1.5f));
    for (const InkLine& line : compose.ink[index]) {
        if (line.size() == 1) {
            dl->AddCircleFilled(ImVec2(box.x + line[0].x * box.w, box.y + line[0].y * box.h), thick / 2, toU32(th.colors.text));
            continue;
        }
        for (size_t i = 1; i < line.size(); ++i)
            dl->AddLine(ImVec2(box.x + line[i - 1].x * box.w, box.y + line[i - 1].y * box.h),
                        ImVec2(box.x + line[i].x * box.w, box.y + line[i].y * box.h), toU32(th.colors.text), thick);
    }

    const std::string id = "ime.pad." + std::to_string(index);
    ui.widgets.add(id, box, "");
    ImGui::SetCursorScreenPos(ImVec2(box.x, box.y));
    ImGui::InvisibleButton(id.c_str(), ImVec2(box.w, box.h));
    const bool valid = ImGui::IsMousePosValid();
    if (ImGui::IsItemActivated() && valid) {
        const InkDot p = toBox(box);
        ui.emit(intent::Compose{K::InkDown, 0, 0, p.x, p.y, index});
    } else if (ImGui::IsItemActive() && valid) {
        const ImVec2 d = ImGui::GetIO().MouseDelta;
        if (d.x != 0 || d.y != 0) {
            const InkDot p = toBox(box);
            ui.emit(intent::Compose{K::InkMove, 0, 0, p.x, p.y, index});
        }
    }
    if (ImGui::IsItemDeactivated()) ui.emit(intent::Compose{K::InkUp, 0, 0, 0, 0, index});
}
}  // namespace

void inkPad(const Ui& ui, const ComposeView& compose, Rect r) {
    const auto& th = ui.theme;
    const float toolsH = std::max(th.minTargetPx, th.buttonHeight * 0.9f);
    const float padH = r.h - toolsH - th.gap;
    const float side = std::min({padH, (r.w - th.gap) / 2});
    const float x0 = r.x + (r.w - (2 * side + th.gap)) / 2;
    for (int i = 0; i < kInkBoxes; ++i) writingBox(ui, compose, i, {x0 + i * (side + th.gap), r.y, side, side});
    const float y = r.y + side + th.gap;
    const float w = (r.w - 2 * th.gap) / 3;
    if (button(ui, "ime.undo", ui.t("ime.undo"), {r.x, y, w, toolsH}, ButtonStyle::Secondary))
        ui.emit(intent::Compose{K::UndoStroke});
    if (button(ui, "ime.clear_ink", ui.t("ime.clear_ink"), {r.x + w + th.gap, y, w, toolsH}, ButtonStyle::Secondary))
        ui.emit(intent::Compose{K::ClearInk});
    if (button(ui, "ime.key.backspace", ui.t("keypad.backspace"), {r.x + 2 * (w + th.gap), y, w, toolsH},
               ButtonStyle::Secondary))
        ui.emit(intent::Compose{K::Backspace});
}

}  // namespace homedesk::ui
