#include "kiosk/ui/keypad.hpp"

#include <imgui.h>

namespace homedesk::ui {

void keypad(const Ui& ui, Rect r, bool allowDash) {
    const auto& th = ui.theme;
    const float w = (r.w - 2 * th.gap) / 3;
    const float h = (r.h - 3 * th.gap) / 4;
    const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', intent::Key::kBackspace};
    for (int i = 0; i < 12; ++i) {
        const char k = keys[i];
        if (k == '-' && !allowDash) continue;
        const Rect cell{r.x + (i % 3) * (w + th.gap), r.y + (i / 3) * (h + th.gap), w, h};
        const bool back = k == intent::Key::kBackspace;
        const std::string id = back ? "keypad.backspace" : k == '-' ? "keypad.dash" : std::string("keypad.") + k;
        const std::string label = back ? ui.t("keypad.backspace") : std::string(1, k);
        if (button(ui, id, label, cell, back ? ButtonStyle::Secondary : ButtonStyle::Primary,
                   back ? FontRole::Strong : FontRole::Display))
            ui.emit(intent::Key{k});
    }
}

void entryBox(const Ui& ui, std::string_view shown, std::string_view placeholder, Rect r) {
    const auto& th = ui.theme;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(th.colors.surface), th.rounding);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(th.colors.border), th.rounding, 0,
                std::max(2.0f, th.mm(0.6f)));
    const bool empty = shown.empty();
    const FontRole role = empty ? FontRole::Body : FontRole::Display;
    drawText(ui, role, empty ? placeholder : shown, r.x + th.padding, r.y + (r.h - lineHeight(ui, role)) / 2,
             empty ? th.colors.textMuted : th.colors.text);
}

std::optional<size_t> choiceGrid(const Ui& ui, std::string_view prefix,
                                 const std::vector<std::pair<std::string, std::string>>& items, Rect area,
                                 int cols, float rowH) {
    const auto& th = ui.theme;
    // Fit the area: shorter rows first, then more columns, never below the touch-target floor.
    const auto rowsFor = [&](int c) { return static_cast<int>((items.size() + c - 1) / c); };
    const auto fitH = [&](int c) { return (area.h - th.gap * (rowsFor(c) - 1)) / rowsFor(c); };
    if (area.h > 0) {
        while (cols < 4 && fitH(cols) < std::max(th.minTargetPx, th.buttonHeight)) ++cols;
        rowH = std::max(th.minTargetPx, std::min(rowH, fitH(cols)));
    }
    const float w = (area.w - th.gap * (cols - 1)) / cols;
    std::optional<size_t> chosen;
    for (size_t i = 0; i < items.size(); ++i) {
        const Rect cell{area.x + (i % cols) * (w + th.gap), area.y + (i / cols) * (rowH + th.gap), w, rowH};
        if (button(ui, std::string(prefix) + "." + items[i].first, items[i].second, cell)) chosen = i;
    }
    return chosen;
}

}  // namespace homedesk::ui
