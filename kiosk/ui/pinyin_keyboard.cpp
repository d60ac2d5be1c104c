#include "kiosk/ui/pinyin_keyboard.hpp"

#include <algorithm>
#include <string>

#include "kiosk/ui/keyboard.hpp"

namespace homedesk::ui {

using K = intent::Compose::Kind;

float candidateBarHeight(const Ui& ui) {
    return std::max(ui.theme.minTargetPx, lineHeight(ui, FontRole::Display) + ui.theme.padding);
}

void candidateBar(const Ui& ui, const ComposeView& compose, Rect r) {
    const auto& th = ui.theme;
    panel(ui, r, th.colors.surface);
    const float arrowW = std::max(th.minTargetPx, r.h);
    float x = r.x + th.padding / 2;
    if (!compose.preedit.empty()) {
        // The pinyin as typed, so a resident sees which letters the candidates are for.
        const float w = std::min(textWidth(ui, FontRole::Strong, compose.preedit), r.w * 0.3f);
        drawText(ui, FontRole::Strong, compose.preedit, x, r.y + (r.h - lineHeight(ui, FontRole::Strong)) / 2,
                 th.colors.textMuted);
        x += w + th.gap;
    }
    const bool back = compose.first > 0;
    const float end = r.right() - 2 * arrowW - th.gap * 2;
    size_t shown = 0;
    for (const std::string& c : compose.candidates) {
        const float w = std::max(th.minTargetPx, textWidth(ui, FontRole::Display, c) + th.padding * 2);
        if (x + w > end) break;
        const size_t index = compose.first + shown;
        if (button(ui, "ime.candidate." + std::to_string(index), c, {x, r.y, w, r.h},
                   index == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary, FontRole::Display))
            ui.emit(intent::Compose{K::Choose, 0, index});
        x += w + th.gap;
        ++shown;
    }
    const bool on = shown < compose.candidates.size();
    const Rect backR{r.right() - 2 * arrowW - th.gap, r.y, arrowW, r.h};
    const Rect onR{r.right() - arrowW, r.y, arrowW, r.h};
    if (back && button(ui, "ime.page_back", "◀", backR, ButtonStyle::Secondary, FontRole::Display))
        ui.emit(intent::Compose{K::PageBack});
    if (on && button(ui, "ime.page_on", "▶", onR, ButtonStyle::Secondary, FontRole::Display))
        ui.emit(intent::Compose{K::PageOn, 0, compose.first + shown});
}

void pinyinKeyboard(const Ui& ui, const ComposeView& compose, Rect r) {
    const auto letters = [](std::string_view keys) {
        KeyRow row;
        for (char c : keys)
            row.push_back({"ime.key." + std::string(1, c), std::string(1, c), intent::Compose{K::Letter, c}});
        return row;
    };
    const auto text = [](std::string id, std::string shown) {
        return KeyCap{"ime.key." + id, shown, intent::Type{shown}};
    };
    KeyRow digits;
    for (char c : std::string_view("1234567890")) digits.push_back(text(std::string(1, c), std::string(1, c)));
    KeyRow bottom = letters("zxcvbnm");
    bottom.push_back({"ime.key.backspace", ui.t("keypad.backspace"), intent::Compose{K::Backspace}, 2, ButtonStyle::Secondary});
    // While composing, the space bar takes the first candidate (as on every pinyin keyboard).
    const std::string spaceLabel = ui.t(compose.preedit.empty() ? "keyboard.space" : "ime.key.choose");
    KeyRow last = {text("comma", "，"), text("period", "。"), text("question", "？"), text("exclaim", "！"),
                   text("pause", "、"),
                   {"ime.key.space", spaceLabel, intent::Compose{K::Space}, 2.5f},
                   {"ime.key.clear", ui.t("ime.key.clear"), intent::Key{intent::Key::kClear}, 2, ButtonStyle::Secondary}};
    keyRows(ui, r, {digits, letters("qwertyuiop"), letters("asdfghjkl"), bottom, last}, true);
}

}  // namespace homedesk::ui
