#include "kiosk/ui/icons.hpp"

#include <imgui.h>

namespace homedesk::ui {

void drawIcon(ImDrawList* dl, Icon icon, float cx, float cy, float size, unsigned col) {
    const float s = size / 2;  // half side
    const float w = size * 0.07f;  // stroke
    const auto p = [&](float x, float y) { return ImVec2(cx + x * s, cy + y * s); };
    switch (icon) {
        case Icon::Repair:  // a wrench: handle and open jaw
            dl->AddLine(p(-0.7f, 0.7f), p(0.15f, -0.15f), col, w * 1.6f);
            // The head: a ring open towards the upper right, where the nut goes.
            dl->PathArcTo(p(0.35f, -0.35f), s * 0.4f, -0.785f + 0.9f, -0.785f + 6.283f - 0.9f, 24);
            dl->PathStroke(col, 0, w * 1.6f);
            dl->AddCircleFilled(p(-0.7f, 0.7f), w * 0.9f, col);
            break;
        case Icon::Complaint:  // a speech bubble with three dots
            dl->AddRect(p(-0.85f, -0.7f), p(0.85f, 0.4f), col, s * 0.2f, 0, w);
            dl->AddTriangleFilled(p(-0.45f, 0.38f), p(-0.05f, 0.38f), p(-0.55f, 0.85f), col);
            for (float x : {-0.4f, 0.0f, 0.4f}) dl->AddCircleFilled(p(x, -0.15f), w * 1.1f, col);
            break;
        case Icon::Survey:  // a smiling face
            dl->AddCircle(p(0, 0), s * 0.85f, col, 40, w);
            dl->AddCircleFilled(p(-0.3f, -0.2f), w * 1.2f, col);
            dl->AddCircleFilled(p(0.3f, -0.2f), w * 1.2f, col);
            dl->PathArcTo(p(0, 0.05f), s * 0.45f, 0.45f, 2.7f, 16);
            dl->PathStroke(col, 0, w);
            break;
        case Icon::Notices:  // a pinned sheet with lines
            dl->AddRect(p(-0.65f, -0.8f), p(0.65f, 0.85f), col, s * 0.08f, 0, w);
            for (float y : {-0.35f, 0.0f, 0.35f}) dl->AddLine(p(-0.4f, y), p(0.4f, y), col, w);
            dl->AddCircleFilled(p(0, -0.8f), w * 1.6f, col);
            break;
        case Icon::Track:  // a magnifying glass
            dl->AddCircle(p(-0.15f, -0.15f), s * 0.5f, col, 32, w);
            dl->AddLine(p(0.22f, 0.22f), p(0.8f, 0.8f), col, w * 1.8f);
            break;
        case Icon::Scan:  // the corners of a viewfinder around a small code
            for (float sx : {-1.0f, 1.0f})
                for (float sy : {-1.0f, 1.0f}) {
                    dl->AddLine(p(0.85f * sx, 0.85f * sy), p(0.45f * sx, 0.85f * sy), col, w);
                    dl->AddLine(p(0.85f * sx, 0.85f * sy), p(0.85f * sx, 0.45f * sy), col, w);
                }
            dl->AddRectFilled(p(-0.4f, -0.4f), p(-0.08f, -0.08f), col);
            dl->AddRectFilled(p(0.08f, -0.4f), p(0.4f, -0.08f), col);
            dl->AddRectFilled(p(-0.4f, 0.08f), p(-0.08f, 0.4f), col);
            dl->AddRectFilled(p(0.15f, 0.15f), p(0.4f, 0.4f), col);
            break;
    }
}

}  // namespace homedesk::ui
