#include "kiosk/ui/flow_parts.hpp"

#include <algorithm>

#include <imgui.h>

#include "kiosk/core/text_entry.hpp"
#include "kiosk/ui/ink_pad.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/pinyin_keyboard.hpp"
#include "kiosk/ui/keypad.hpp"

namespace homedesk::ui {

float flowHeading(const Ui& ui, std::string_view question, const std::string& errorKey, Rect content) {
    const auto& th = ui.theme;
    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, question, {content.x, y, content.w, 0}, th.colors.text);
    if (!errorKey.empty()) {
        const std::string& message = ui.t(errorKey);
        const float h = paragraphHeight(ui, FontRole::Title, message, content.w - 2 * th.padding);
        panel(ui, {content.x, y + th.gap / 2, content.w, h + th.padding}, th.colors.banner);
        drawParagraph(ui, FontRole::Title, message,
                      {content.x + th.padding, y + th.gap / 2 + th.padding / 2, content.w - 2 * th.padding, h},
                      th.colors.bannerText);
        y += h + th.padding + th.gap / 2;
    }
    return y + th.gap;
}

std::optional<size_t> optionList(const Ui& ui, const std::vector<Option>& options, Rect area) {
    const auto& th = ui.theme;
    std::optional<size_t> chosen;
    if (options.empty()) return chosen;
    const auto labelOf = [](const Option& o) { return o.hint.empty() ? o.title : o.title + "\n" + o.hint; };
    // Wide, short areas (landscape) put the options side by side; tall ones stack them.
    const size_t n = options.size();
    const bool side = area.w > area.h * 1.5f && n <= 3;
    const float w = side ? (area.w - th.gap * (n - 1)) / n : area.w;
    float tallest = th.buttonHeight * 1.6f;
    for (const auto& o : options)
        tallest = std::max(tallest, paragraphHeight(ui, FontRole::Strong, labelOf(o), w - 2 * th.padding) + th.padding * 2);
    const float fit = side ? area.h : (area.h - th.gap * (n - 1)) / n;
    const float h = std::max(th.minTargetPx, area.h > 0 ? std::min(tallest, fit) : tallest);
    for (size_t i = 0; i < n; ++i) {
        const Rect r = side ? Rect{area.x + i * (w + th.gap), area.y, w, h} : Rect{area.x, area.y + i * (h + th.gap), w, h};
        if (button(ui, options[i].id, labelOf(options[i]), r)) chosen = i;
    }
    return chosen;
}

namespace {
struct ReadBackLayout {
    int columns;
    float columnW, labelW;
    size_t perColumn;
};
ReadBackLayout layoutOf(const Theme& th, size_t rows, float w, float h) {
    ReadBackLayout l;
    l.columns = w > h * 1.2f ? 2 : 1;
    l.columnW = (w - th.gap * 2 * (l.columns - 1)) / l.columns;
    l.labelW = std::max(l.columnW * 0.3f, std::min(l.columnW * 0.45f, th.mm(60)));
    l.perColumn = (rows + l.columns - 1) / l.columns;
    return l;
}
float rowHeight(const Ui& ui, const ReadBackRows& rows, const ReadBackLayout& l, FontRole role, size_t i) {
    const auto& th = ui.theme;
    return std::max(paragraphHeight(ui, role, rows[i].second, l.columnW - l.labelW - th.gap),
                    paragraphHeight(ui, FontRole::Body, rows[i].first, l.labelW - th.gap)) + th.gap / 2;
}
}  // namespace

float readBackHeight(const Ui& ui, const ReadBackRows& rows, float w, float h, FontRole role) {
    const ReadBackLayout l = layoutOf(ui.theme, rows.size(), w, h);
    float tallest = 0;
    for (int c = 0; c < l.columns; ++c) {
        float col = 0;
        for (size_t i = c * l.perColumn; i < std::min(rows.size(), (c + 1) * l.perColumn); ++i) col += rowHeight(ui, rows, l, role, i);
        tallest = std::max(tallest, col);
    }
    return tallest;
}

float readBack(const Ui& ui, const ReadBackRows& rows, Rect body, float reserve) {
    const auto& th = ui.theme;
    const ReadBackLayout l = layoutOf(th, rows.size(), body.w, body.h);
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (readBackHeight(ui, rows, body.w, body.h, role) + reserve > body.h) role = smaller;
    float bottom = body.y;
    for (int c = 0; c < l.columns; ++c) {
        const float x = body.x + c * (l.columnW + th.gap * 2);
        float y = body.y;
        for (size_t i = c * l.perColumn; i < std::min(rows.size(), (c + 1) * l.perColumn); ++i) {
            const float h = rowHeight(ui, rows, l, role, i);
            drawParagraph(ui, FontRole::Body, rows[i].first, {x, y, l.labelW - th.gap, 0}, th.colors.textMuted);
            drawParagraph(ui, role, rows[i].second, {x + l.labelW, y, l.columnW - l.labelW, 0}, th.colors.text);
            y += h;
        }
        bottom = std::max(bottom, y);
    }
    return bottom;
}

bool confirmStep(const Ui& ui, const ReadBackRows& rows, const std::string& compact, Rect body, std::string_view id,
                 std::string_view label, bool busy, std::string_view busyText) {
    const auto& th = ui.theme;
    const bool wide = body.w > body.h * 1.2f;
    const float buttonW = wide ? std::min(body.w * 0.28f, th.mm(90)) : body.w;
    const float buttonH = wide ? std::min(body.h, th.buttonHeight * 1.6f) : th.buttonHeight * 1.3f;
    const Rect area = wide ? Rect{body.x, body.y, body.w - buttonW - th.gap * 2, body.h} : body;
    const float reserve = wide ? 0 : buttonH + th.gap;
    float y;
    if (readBackHeight(ui, rows, area.w, area.h, FontRole::Body) + reserve <= area.h) {
        y = readBack(ui, rows, area, reserve);
    } else {
        // Too little room for the rows: one paragraph, clipped; the steps before showed it all.
        auto* dl = ImGui::GetWindowDrawList();
        const float room = area.h - reserve;
        dl->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.right(), area.y + room), true);
        y = area.y + std::min(room, drawParagraph(ui, FontRole::Body, compact, {area.x, area.y, area.w, 0}, th.colors.text));
        dl->PopClipRect();
    }
    const Rect r = wide ? Rect{body.right() - buttonW, body.y, buttonW, buttonH}
                        : Rect{body.x, std::min(y + th.gap, body.bottom() - buttonH), body.w, buttonH};
    if (busy) {
        drawParagraph(ui, FontRole::Title, busyText, r, th.colors.text, Align::Center);
        return false;
    }
    return button(ui, id, label, r);
}

namespace {
// The method chips: one per way of writing, the session's choice lit.
void methodChips(const Ui& ui, const TextStep& step, const std::vector<InputMethodKind>& methods,
                 InputMethodKind current, Rect area, int cols, float chipH) {
    const auto& th = ui.theme;
    const float w = (area.w - (cols - 1) * th.gap) / cols;
    for (size_t i = 0; i < methods.size(); ++i) {
        const std::string name(toString(methods[i]));
        const Rect r{area.x + (i % cols) * (w + th.gap), area.y + (i / cols) * (chipH + th.gap), w, chipH};
        if (button(ui, step.prefix + ".method." + name, ui.t("input.method." + name), r,
                   methods[i] == current ? ButtonStyle::On : ButtonStyle::Secondary))
            ui.emit(intent::SetInputMethod{methods[i]});
    }
}

// What each method needs below the chips at the least, to keep the field from taking it.
float methodMin(const Ui& ui, InputMethodKind method, float phrasesMin, float keyboardMin) {
    const auto& th = ui.theme;
    switch (method) {
        case InputMethodKind::Phrases: return phrasesMin;
        case InputMethodKind::Latin: return keyboardMin;
        case InputMethodKind::Pinyin: return candidateBarHeight(ui) + th.gap + keyboardMin;
        case InputMethodKind::Handwriting: return candidateBarHeight(ui) + th.mm(70) + th.minTargetPx + th.gap * 2;
    }
    return keyboardMin;
}
}  // namespace

TextStepTap textStep(const Ui& ui, const KioskView& view, const TextStep& step, Rect body) {
    const auto& th = ui.theme;
    const KioskState& state = view.state;
    const ComposeView none;
    const ComposeView& compose = view.compose ? *view.compose : none;
    TextStepTap tap;
    const bool phrases = !step.phrases.empty();
    std::vector<InputMethodKind> methods;
    for (InputMethodKind k : kInputMethods)
        if (k != InputMethodKind::Phrases || phrases) methods.push_back(k);
    // Without quick phrases the Latin keyboard stands in for them, as it always has.
    const InputMethodKind method =
        state.inputMethod == InputMethodKind::Phrases && !phrases ? InputMethodKind::Latin : state.inputMethod;
    // Wide screens (landscape) put the field, the method chips and Next on the left and what
    // the method shows on the right; tall ones stack them all.
    const bool beside = body.w > body.h * 1.2f && body.w >= th.mm(350);
    const Rect left = beside ? Rect{body.x, body.y, body.w * 0.4f, body.h} : body;
    const float rowH = beside ? th.buttonHeight : th.buttonHeight * 1.2f;
    const float errorH = state.entryError.empty() ? 0 : paragraphHeight(ui, FontRole::Body, ui.t(state.entryError), left.w - 2 * th.padding) + th.padding / 2 + th.gap;
    const float countH = lineHeight(ui, FontRole::Body) + th.gap;
    const float fieldMin = beside ? lineHeight(ui, FontRole::Title) + th.padding : th.buttonHeight * 1.5f;
    const int cols = 2;
    const int chipCols = beside ? 2 : static_cast<int>(methods.size());
    const int chipRows = (static_cast<int>(methods.size()) + chipCols - 1) / chipCols;
    const float chipH = th.minTargetPx;
    const float chipsH = chipRows * chipH + (chipRows - 1) * th.gap + th.gap;
    const float phrasesMin = phrases ? ((step.phrases.size() + cols - 1) / cols) * (th.minTargetPx + th.gap) : 0;
    const float keyboardMin = 4 * th.minTargetPx + 3 * th.gap;
    const bool together = method == InputMethodKind::Phrases && !beside &&
                          fieldMin + countH + errorH + chipsH + phrasesMin + keyboardMin + rowH + th.gap * 2 <= body.h;
    const float areaMin = together ? phrasesMin + keyboardMin : methodMin(ui, method, phrasesMin, keyboardMin);
    const Rect next{left.x, body.bottom() - rowH, left.w, rowH};

    // The field grows with the text up to what leaves room for the rest.
    const float room = beside ? next.y - th.gap - countH - errorH - chipsH - left.y
                              : std::min(th.buttonHeight * 2.5f, body.h - countH - errorH - chipsH - rowH - th.gap - areaMin);
    const float boxH = textField(ui, state.entry, step.placeholder, {left.x, left.y, left.w, std::max(room, fieldMin)}, std::min(fieldMin, std::max(room, th.minTargetPx)));
    float y = left.y + boxH + th.gap / 2;
    const std::string count = format(step.countPattern, {{"n", std::to_string(charCount(state.entry))}, {"max", std::to_string(step.maxChars)}});
    drawText(ui, FontRole::Body, count, left.x, y, th.colors.textMuted, Align::Right, left.w);
    y += lineHeight(ui, FontRole::Body) + th.gap / 2;
    if (const float h = entryError(ui, state.entryError, {left.x, y, left.w, 0}); h > 0) y += h + th.gap;
    const float chipsY = beside ? next.y - chipsH : y;
    methodChips(ui, step, methods, method, {left.x, chipsY, left.w, chipsH}, chipCols, chipH);
    if (!beside) y += chipsH;

    const Rect rest = beside ? Rect{left.right() + th.gap * 2, body.y, body.right() - left.right() - th.gap * 2, body.h}
                             : Rect{body.x, y, body.w, next.y - th.gap - y};
    switch (method) {
        case InputMethodKind::Phrases:
            if (together) {
                const float gridH = std::min(((step.phrases.size() + cols - 1) / cols) * (rowH + th.gap), rest.h - keyboardMin);
                tap.phrase = choiceGrid(ui, step.prefix + ".phrase", step.phrases, {rest.x, rest.y, rest.w, gridH - th.gap}, cols, rowH);
                const float h = std::min(rest.h - gridH, latinKeyboardHeight(ui, rest.w, EntryMode::Text));
                latinKeyboard(ui, {rest.x, rest.bottom() - h, rest.w, h}, EntryMode::Text, state.entryShift);
            } else {
                tap.phrase = choiceGrid(ui, step.prefix + ".phrase", step.phrases, rest, beside ? 1 : cols, rowH);
            }
            break;
        case InputMethodKind::Latin: {
            const float h = std::min(rest.h, latinKeyboardHeight(ui, rest.w, EntryMode::Text));
            latinKeyboard(ui, {rest.x, beside ? rest.y : rest.bottom() - h, rest.w, h}, EntryMode::Text, state.entryShift);
            break;
        }
        case InputMethodKind::Pinyin: {
            const float barH = candidateBarHeight(ui);
            candidateBar(ui, compose, {rest.x, rest.y, rest.w, barH});
            const float room = rest.h - barH - th.gap;
            const float h = std::min(room, latinKeyboardHeight(ui, rest.w, EntryMode::Text));
            pinyinKeyboard(ui, compose, {rest.x, rest.y + barH + th.gap, rest.w, h});
            break;
        }
        case InputMethodKind::Handwriting: {
            const float barH = candidateBarHeight(ui);
            candidateBar(ui, compose, {rest.x, rest.y, rest.w, barH});
            inkPad(ui, compose, {rest.x, rest.y + barH + th.gap, rest.w, rest.h - barH - th.gap});
            break;
        }
    }
    tap.next = button(ui, step.prefix + ".next", step.nextLabel, next);
    return tap;
}

}  // namespace homedesk::ui
