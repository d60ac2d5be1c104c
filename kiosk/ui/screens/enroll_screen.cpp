#include "kiosk/ui/screens/enroll_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/core/utf8.hpp"
#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

using Kind = intent::Enroll::Kind;

std::string groupedCode(const std::string& code) {
    std::string out;
    for (size_t i = 0; i < code.size(); ++i) {
        if (i > 0 && i % 5 == 0) out += ' ';
        out += code[i];
    }
    return out;
}

namespace {

std::string errorText(const Ui& ui, const KioskView& view, const std::string& key) {
    return format(ui.t(key), {{"alphabet", std::string(EnrollForm::kAlphabet)}, {"hq", view.sync.hqUrl}});
}

// What a keyboard or a scanner wedge typed this frame (SDL_TEXTINPUT through ImGui), as intents.
void physicalKeys(const Ui& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters) utf8::append(typed, static_cast<char32_t>(c));
    if (!typed.empty()) ui.emit(intent::Enroll{Kind::Type, typed});
    if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace], false)) ui.emit(intent::Enroll{Kind::Backspace, {}});
    if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter], false) || ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_KeyPadEnter], false))
        ui.emit(intent::Enroll{Kind::Submit, {}});
}

// The code's own characters only: nothing on these keys can be wrong.
void codeKeys(const Ui& ui, Rect area) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (char c : EnrollForm::kAlphabet) keys.emplace_back(std::string(1, c), std::string(1, c));
    const int cols = area.w > area.h * 1.6f ? 11 : 8;
    const int rows = static_cast<int>((keys.size() + cols - 1) / cols);
    const float rowH = (area.h - ui.theme.gap * (rows - 1)) / rows;
    if (auto i = choiceGrid(ui, "enroll.key", keys, {area.x, area.y, area.w, 0}, cols, rowH))
        ui.emit(intent::Enroll{Kind::Type, keys[*i].first});
}

}  // namespace

std::string EnrollScreen::summary(const Ui& ui, const KioskView& view) const {
    std::string text = ui.t("enroll.title") + ui.t("speech.pause") + ui.t("enroll.body");
    if (!view.state.enroll) return text;
    if (view.state.enroll->phase() == EnrollForm::Phase::Working) text += ui.t("speech.pause") + ui.t("enroll.working");
    if (!view.state.enroll->errorKey().empty())
        text += ui.t("speech.pause") + errorText(ui, view, view.state.enroll->errorKey());
    return text;
}

void EnrollScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    if (!view.state.enroll) return;
    const EnrollForm& form = *view.state.enroll;
    const bool working = form.phase() == EnrollForm::Phase::Working;
    if (!working) physicalKeys(ui);

    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, ui.t("enroll.title"), {content.x, y, content.w, 0}, th.colors.text);
    y += drawParagraph(ui, FontRole::Body, ui.t("enroll.body"), {content.x, y, content.w, 0}, th.colors.text);
    y += drawParagraph(ui, FontRole::Body, format(ui.t("enroll.hq"), {{"hq", view.sync.hqUrl}}), {content.x, y, content.w, 0},
                       th.colors.textMuted) + th.gap;

    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    const std::string count = format(ui.t("enroll.count"), {{"n", std::to_string(form.code().size())},
                                                            {"total", std::to_string(EnrollForm::kCodeLength)}});
    const float countW = textWidth(ui, FontRole::Body, count) + th.gap;
    entryBox(ui, groupedCode(form.code()), ui.t("enroll.placeholder"), {content.x, y, content.w - countW, boxH});
    drawText(ui, FontRole::Body, count, content.right() - countW + th.gap, y + (boxH - lineHeight(ui, FontRole::Body)) / 2,
             th.colors.textMuted);
    y += boxH + th.gap;

    if (!form.errorKey().empty()) {
        const std::string text = errorText(ui, view, form.errorKey());
        const float h = paragraphHeight(ui, FontRole::Title, text, content.w - 2 * th.padding);
        panel(ui, {content.x, y, content.w, h + th.padding}, th.colors.banner);
        drawParagraph(ui, FontRole::Title, text, {content.x + th.padding, y + th.padding / 2, content.w - 2 * th.padding, h},
                      th.colors.bannerText);
        y += h + th.padding + th.gap;
    }
    if (working) {
        drawParagraph(ui, FontRole::Title, ui.t("enroll.working"), {content.x, y + th.gap, content.w, 0}, th.colors.text,
                      Align::Center);
        return;
    }

    // Delete and Enroll at the bottom; the keys fill what is between.
    const float buttonH = th.buttonHeight * 1.2f;
    const float bottom = content.bottom() - buttonH;
    const float half = (content.w - th.gap) / 2;
    if (button(ui, "enroll.backspace", ui.t("keypad.backspace"), {content.x, bottom, half, buttonH}, ButtonStyle::Secondary))
        ui.emit(intent::Enroll{Kind::Backspace, {}});
    if (button(ui, "enroll.submit", ui.t("enroll.submit"), {content.x + half + th.gap, bottom, half, buttonH},
               form.complete() ? ButtonStyle::Primary : ButtonStyle::Secondary))
        ui.emit(intent::Enroll{Kind::Submit, {}});
    const float keysH = std::min(bottom - th.gap - y, th.mm(160));
    codeKeys(ui, {content.x, y, content.w, keysH});
}

}  // namespace homedesk::ui
