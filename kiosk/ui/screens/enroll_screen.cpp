#include "kiosk/ui/screens/enroll_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

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

// A keyboard's or scanner wedge's Enter sends the code (its characters arrive as intent::Type).
bool enterPressed() {
    const ImGuiIO& io = ImGui::GetIO();
    return ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter], false) || ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_KeyPadEnter], false);
}

}  // namespace

std::string EnrollScreen::summary(const Ui& ui, const KioskView& view) const {
    std::string text = ui.t("enroll.title") + ui.t("speech.pause") + ui.t("enroll.body");
    if (!view.state.enroll) return text;
    if (view.state.enroll->working()) text += ui.t("speech.pause") + ui.t("enroll.working");
    if (!view.state.enroll->errorKey().empty())
        text += ui.t("speech.pause") + errorText(ui, view, view.state.enroll->errorKey());
    return text;
}

void EnrollScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    const auto& th = ui.theme;
    if (!view.state.enroll) return;
    const EnrollForm& form = *view.state.enroll;
    const bool working = form.working();
    if (!working && enterPressed()) ui.emit(intent::Enroll{});

    float y = content.y;
    y += drawParagraph(ui, FontRole::Display, ui.t("enroll.title"), {content.x, y, content.w, 0}, th.colors.text);
    y += drawParagraph(ui, FontRole::Body, ui.t("enroll.body"), {content.x, y, content.w, 0}, th.colors.text);
    y += drawParagraph(ui, FontRole::Body, format(ui.t("enroll.hq"), {{"hq", view.sync.hqUrl}}), {content.x, y, content.w, 0},
                       th.colors.textMuted) + th.gap;

    // The field: what is typed (or, while it is sent, the code), and how far along it is.
    const std::string& typed = working ? form.code() : view.state.entry;
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    const std::string count = format(ui.t("enroll.count"), {{"n", std::to_string(EnrollForm::codeLength(typed))},
                                                            {"total", std::to_string(EnrollForm::kCodeLength)}});
    const float countW = textWidth(ui, FontRole::Body, count) + th.gap;
    entryBox(ui, working ? groupedCode(typed) : typed, ui.t("enroll.placeholder"), {content.x, y, content.w - countW, boxH});
    drawText(ui, FontRole::Body, count, content.right() - countW + th.gap, y + (boxH - lineHeight(ui, FontRole::Body)) / 2,
             th.colors.textMuted);
    y += boxH + th.gap / 2;
    if (const float h = entryError(ui, view.state.entryError, {content.x, y, content.w, 0}); h > 0) y += h + th.gap / 2;

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

    // Enroll at the bottom; the keyboard (capitals, digits, dash and Delete) above it.
    const float buttonH = th.buttonHeight * 1.2f;
    const float bottom = content.bottom() - buttonH;
    if (button(ui, "enroll.submit", ui.t("enroll.submit"), {content.x, bottom, content.w, buttonH},
               EnrollForm::codeLength(typed) == EnrollForm::kCodeLength ? ButtonStyle::Primary : ButtonStyle::Secondary))
        ui.emit(intent::Enroll{});
    const float keysW = std::min(content.w, th.mm(300));
    const float keysH = std::min(bottom - th.gap - y, latinKeyboardHeight(ui, keysW, EntryMode::Code));
    latinKeyboard(ui, {content.x + (content.w - keysW) / 2, bottom - th.gap - keysH, keysW, keysH}, EntryMode::Code, false);
}

}  // namespace homedesk::ui
