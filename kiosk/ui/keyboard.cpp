#include "kiosk/ui/keyboard.hpp"

#include <algorithm>

#include <imgui.h>
#include <string>

namespace homedesk::ui {

namespace {

using Key = KeyCap;
using Row = KeyRow;

Key character(char c, bool shifted) {
    const bool letter = c >= 'a' && c <= 'z';
    const char shown = letter && shifted ? static_cast<char>(c - 'a' + 'A') : c;
    std::string id(1, c);
    if (c == '-') id = "dash";
    if (c == ',') id = "comma";
    if (c == '.') id = "period";
    if (c == '?') id = "question";
    return {"keyboard." + id, std::string(1, shown), intent::Type{std::string(1, shown)}};
}

Row letters(std::string_view keys, bool shifted) {
    Row row;
    for (char c : keys) row.push_back(character(c, shifted));
    return row;
}

std::vector<Row> layout(const Ui& ui, EntryMode mode, bool shifted) {
    const bool code = mode == EntryMode::Code;
    const bool caps = code || shifted;
    std::vector<Row> rows{letters("1234567890", caps), letters("qwertyuiop", caps), letters("asdfghjkl", caps),
                          letters("zxcvbnm", caps)};
    const Key erase{"keyboard.backspace", ui.t("keypad.backspace"), intent::Key{intent::Key::kBackspace}, 2,
                    ButtonStyle::Secondary};
    if (code) {
        rows[2].push_back(character('-', false));
        rows[3].push_back(erase);
        return rows;
    }
    rows[3].insert(rows[3].begin(), Key{"keyboard.shift", ui.t("keyboard.shift"), intent::Key{intent::Key::kShift}, 1.5f,
                                        shifted ? ButtonStyle::On : ButtonStyle::Secondary});
    rows[3].push_back(erase);
    rows.push_back({character(',', false), Key{"keyboard.space", ui.t("keyboard.space"), intent::Type{" "}, 5},
                    character('.', false), character('?', false), character('-', false)});
    return rows;
}

float rowSpan(const Row& row) {
    float span = 0;
    for (const Key& k : row) span += k.span;
    return span;
}

}  // namespace

float latinKeyboardHeight(const Ui& ui, float width, EntryMode mode) {
    const auto& th = ui.theme;
    const int rows = mode == EntryMode::Code ? 4 : 5;
    // Keys as tall as they are wide, never below the touch-target floor nor above a big button.
    const float keyW = (width - 10 * th.gap) / 11;
    const float keyH = std::clamp(keyW, th.minTargetPx, th.buttonHeight);
    return rows * keyH + (rows - 1) * th.gap;
}

void latinKeyboard(const Ui& ui, Rect r, EntryMode mode, bool shifted) {
    // Where even the smallest keys would not fit, free text loses the digits row first.
    keyRows(ui, r, layout(ui, mode, shifted), mode == EntryMode::Text);
}

void keyRows(const Ui& ui, Rect r, std::vector<KeyRow> rows, bool dropFirst) {
    const auto& th = ui.theme;
    const auto fits = [&] { return (r.h - (rows.size() - 1) * th.gap) / rows.size() >= th.minTargetPx; };
    if (dropFirst && rows.size() > 1 && !fits()) rows.erase(rows.begin());
    const float keyH = (r.h - (rows.size() - 1) * th.gap) / rows.size();
    // One unit is a letter key's width; every row is centred on the widest.
    float unit = r.w;
    for (const Row& row : rows) unit = std::min(unit, (r.w - (row.size() - 1) * th.gap) / rowSpan(row));
    float y = r.y;
    for (const Row& row : rows) {
        const float rowW = rowSpan(row) * unit + (row.size() - 1) * th.gap;
        float x = r.x + (r.w - rowW) / 2;
        for (const Key& k : row) {
            const Rect cell{x, y, k.span * unit, keyH};
            const FontRole role = charCount(k.label) == 1 ? FontRole::Title : FontRole::Strong;
            if (button(ui, k.id, k.label, cell, k.style, role)) ui.emit(k.intent);
            x += cell.w + th.gap;
        }
        y += keyH + th.gap;
    }
}

float textField(const Ui& ui, std::string_view text, std::string_view placeholder, Rect r, float minHeight) {
    const auto& th = ui.theme;
    const bool empty = text.empty();
    const FontRole role = empty ? FontRole::Body : FontRole::Title;
    const std::string_view shown = empty ? placeholder : text;
    const float inner = r.w - 2 * th.padding;
    const float full = paragraphHeight(ui, role, shown, inner);
    const float h = std::clamp(full + th.padding, minHeight, std::max(minHeight, r.h));
    panel(ui, {r.x, r.y, r.w, h}, th.colors.surface);
    const float top = full + th.padding <= h ? r.y + th.padding / 2 : r.y + h - th.padding / 2 - full;
    ImGui::GetWindowDrawList()->PushClipRect(ImVec2(r.x, r.y + th.padding / 4), ImVec2(r.right(), r.y + h - th.padding / 4), true);
    drawParagraph(ui, role, shown, {r.x + th.padding, top, inner, full}, empty ? th.colors.textMuted : th.colors.text);
    ImGui::GetWindowDrawList()->PopClipRect();
    return h;
}

float entryError(const Ui& ui, std::string_view key, Rect area) {
    if (key.empty()) return 0;
    const auto& th = ui.theme;
    const std::string& text = ui.t(key);
    const float h = paragraphHeight(ui, FontRole::Body, text, area.w - 2 * th.padding) + th.padding / 2;
    panel(ui, {area.x, area.y, area.w, h}, th.colors.banner);
    drawParagraph(ui, FontRole::Body, text, {area.x + th.padding, area.y + th.padding / 4, area.w - 2 * th.padding, h},
                  th.colors.bannerText);
    return h;
}

}  // namespace homedesk::ui
