#include "kiosk/ui/faces.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace homedesk::ui {

void drawFace(const Ui& ui, ImDrawList* dl, int score, float cx, float cy, float r) {
    const auto& c = ui.theme.colors;
    score = std::clamp(score, 1, 5);
    const unsigned ink = toU32(c.faceInk);
    const float stroke = std::max(2.0f, r * 0.08f);
    dl->AddCircleFilled(ImVec2(cx, cy), r, toU32(c.faces[score - 1]), 48);
    dl->AddCircle(ImVec2(cx, cy), r, ink, 48, stroke);
    // Eyes: round dots; the unhappiest faces get slanted brows.
    const float eyeX = r * 0.36f, eyeY = cy - r * 0.22f, eyeR = r * 0.1f;
    dl->AddCircleFilled(ImVec2(cx - eyeX, eyeY), eyeR, ink, 16);
    dl->AddCircleFilled(ImVec2(cx + eyeX, eyeY), eyeR, ink, 16);
    if (score == 1) {
        const float by = eyeY - r * 0.22f;
        dl->AddLine(ImVec2(cx - eyeX - r * 0.16f, by - r * 0.08f), ImVec2(cx - eyeX + r * 0.16f, by + r * 0.04f), ink, stroke);
        dl->AddLine(ImVec2(cx + eyeX + r * 0.16f, by - r * 0.08f), ImVec2(cx + eyeX - r * 0.16f, by + r * 0.04f), ink, stroke);
    }
    // Mouth: a quadratic curve whose middle drops for a smile and rises for a frown.
    const float curve = (score - 3) * 0.14f * r;  // -0.28r .. +0.28r
    const float mouthY = cy + r * 0.38f - curve / 2;
    const float halfW = r * (score == 3 ? 0.34f : 0.42f);
    const ImVec2 a(cx - halfW, mouthY), b(cx + halfW, mouthY), mid(cx, mouthY + 2 * curve);
    dl->PathLineTo(a);
    dl->PathBezierQuadraticCurveTo(mid, b, 24);
    dl->PathStroke(ink, 0, stroke * 1.2f);
}

bool faceButton(const Ui& ui, std::string_view id, int score, std::string_view label, Rect rect, bool selected,
                bool beside, float labelRoom) {
    const auto& th = ui.theme;
    const bool tapped = tapArea(ui, id, label, rect);
    const bool held = ImGui::IsItemActive();
    auto* dl = ImGui::GetWindowDrawList();
    const Color fill = held ? th.colors.background : selected ? th.colors.toggleOn : th.colors.surface;
    dl->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.right(), rect.bottom()), toU32(fill), th.rounding);
    dl->AddRect(ImVec2(rect.x, rect.y), ImVec2(rect.right(), rect.bottom()), toU32(th.colors.button), th.rounding, 0,
                std::max(2.0f, th.mm(selected ? 1.2f : 0.6f)));
    const Color text = selected && !held ? th.colors.toggleOnText : th.colors.text;
    if (beside) {
        const float r = std::max(0.0f, (rect.h - th.padding) / 2);
        drawFace(ui, dl, score, rect.x + th.padding + r, rect.y + rect.h / 2, r);
        const float x = rect.x + th.padding * 2 + 2 * r;
        const float w = rect.right() - th.padding - x;
        const FontRole role = paragraphHeight(ui, FontRole::Title, label, w) <= rect.h ? FontRole::Title : FontRole::Strong;
        const float h = paragraphHeight(ui, role, label, w);
        drawParagraph(ui, role, label, {x, rect.y + (rect.h - h) / 2, w, h}, text);
        return tapped;
    }
    const float labelH = paragraphHeight(ui, FontRole::Strong, label, rect.w - th.padding);
    const float faceRoom = rect.h - std::max(labelH, labelRoom) - th.padding * 1.5f;
    const float r = std::max(0.0f, std::min(rect.w - th.padding * 2, faceRoom) / 2);
    if (r > th.mm(3)) drawFace(ui, dl, score, rect.x + rect.w / 2, rect.y + th.padding / 2 + faceRoom / 2, r);
    drawParagraph(ui, FontRole::Strong, label,
                  {rect.x + th.padding / 2, rect.bottom() - labelH - th.padding / 2, rect.w - th.padding, labelH}, text,
                  Align::Center);
    return tapped;
}

}  // namespace homedesk::ui
