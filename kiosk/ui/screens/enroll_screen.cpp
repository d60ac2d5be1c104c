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
    std::string alphabet(EnrollForm::kAlphabet);
    alphabet.insert(alphabet.find('2'), " ");  // letters, then digits: it wraps between them
    return format(ui.t(key), {{"alphabet", alphabet}, {"hq", view.sync.hqUrl}});
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

    // Wide screens: the words, the field and Enroll on the left, the keyboard on the right.
    // Tall ones: the keyboard and Enroll at the bottom, within reach. The keyboard always gets
    // keys of full size; the words take what is left.
    const bool wide = content.w > content.h * 1.2f;
    const float buttonH = th.buttonHeight * 1.2f;
    const Rect left = wide ? Rect{content.x, content.y, content.w * 0.46f, content.h} : content;
    const float keysW = wide ? content.right() - left.right() - th.gap * 2 : std::min(content.w, th.mm(300));
    const float keysH = latinKeyboardHeight(ui, keysW, EntryMode::Code);
    const Rect keys = wide ? Rect{left.right() + th.gap * 2, content.y + std::max(0.0f, (content.h - keysH) / 2), keysW,
                                  std::min(keysH, content.h)}
                           : Rect{content.x + (content.w - keysW) / 2, content.bottom() - buttonH - th.gap - keysH, keysW, keysH};
    const Rect submit{left.x, left.bottom() - buttonH, left.w, buttonH};
    const float textBottom = (wide ? submit.y : keys.y) - th.gap;

    float y = left.y;
    y += drawParagraph(ui, FontRole::Display, ui.t("enroll.title"), {left.x, y, left.w, 0}, th.colors.text);
    // After a refusal the reason stands where the explanation was.
    const std::string refusal = form.errorKey().empty() ? "" : errorText(ui, view, form.errorKey());
    const float boxH = lineHeight(ui, FontRole::Display) + th.padding;
    if (refusal.empty()) {
        y += drawParagraph(ui, FontRole::Body, ui.t("enroll.body"), {left.x, y, left.w, 0}, th.colors.text);
        y += drawParagraph(ui, FontRole::Body, format(ui.t("enroll.hq"), {{"hq", view.sync.hqUrl}}), {left.x, y, left.w, 0},
                           th.colors.textMuted);
    } else {
        FontRole role = FontRole::Title;
        const float room = textBottom - y - boxH - th.gap * 2;
        for (FontRole smaller : {FontRole::Strong, FontRole::Body})
            if (paragraphHeight(ui, role, refusal, left.w - 2 * th.padding) + th.padding > room) role = smaller;
        const float h = paragraphHeight(ui, role, refusal, left.w - 2 * th.padding);
        panel(ui, {left.x, y, left.w, h + th.padding}, th.colors.banner);
        drawParagraph(ui, role, refusal, {left.x + th.padding, y + th.padding / 2, left.w - 2 * th.padding, h},
                      th.colors.bannerText);
        y += h + th.padding;
    }
    y += th.gap;

    // The field: what is typed (or, while it is sent, the code), and how far along it is.
    const std::string& typed = working ? form.code() : view.state.entry;
    const std::string count = format(ui.t("enroll.count"), {{"n", std::to_string(EnrollForm::codeLength(typed))},
                                                            {"total", std::to_string(EnrollForm::kCodeLength)}});
    const float countW = textWidth(ui, FontRole::Body, count) + th.gap;
    entryBox(ui, working ? groupedCode(typed) : typed, ui.t("enroll.placeholder"), {left.x, y, left.w - countW, boxH});
    drawText(ui, FontRole::Body, count, left.right() - countW + th.gap, y + (boxH - lineHeight(ui, FontRole::Body)) / 2,
             th.colors.textMuted);
    y += boxH + th.gap / 2;
    y += entryError(ui, view.state.entryError, {left.x, y, left.w, 0});

    if (working) {
        drawParagraph(ui, FontRole::Title, ui.t("enroll.working"), {left.x, y + th.gap, left.w, 0}, th.colors.text,
                      Align::Center);
        return;
    }
    latinKeyboard(ui, keys, EntryMode::Code, false);
    if (button(ui, "enroll.submit", ui.t("enroll.submit"), submit,
               EnrollForm::codeLength(typed) == EnrollForm::kCodeLength ? ButtonStyle::Primary : ButtonStyle::Secondary))
        ui.emit(intent::Enroll{});
}

}  // namespace homedesk::ui
