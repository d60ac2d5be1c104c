#include "kiosk/ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "kiosk/core/text_layout.hpp"
#include "kiosk/ui/icons.hpp"

namespace homedesk::ui {

unsigned toU32(Color c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

float fontSize(const Ui& ui, FontRole role) {
    switch (role) {
        case FontRole::Body: return ui.theme.bodyPx;
        case FontRole::Strong: return ui.theme.strongPx;
        case FontRole::Title: return ui.theme.titlePx;
        case FontRole::Display: return ui.theme.displayPx;
    }
    return ui.theme.bodyPx;
}

float lineHeight(const Ui& ui, FontRole role) { return fontSize(ui, role) * ui.theme.lineSpacing; }

float textWidth(const Ui& ui, FontRole role, std::string_view text) {
    const ImFont* font = ui.fonts.font(role);
    return font->CalcTextSizeA(fontSize(ui, role), FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void drawText(const Ui& ui, FontRole role, std::string_view text, float x, float y, Color color,
              Align align, float width) {
    ui.fonts.note(role, text);
    if (align != Align::Left && width > 0) {
        const float w = textWidth(ui, role, text);
        x += align == Align::Center ? (width - w) / 2 : width - w;
    }
    // Centre the em box in the taller line box so spacing is shared above and below.
    const float size = fontSize(ui, role);
    const float lead = (lineHeight(ui, role) - size) / 2;
    ImGui::GetWindowDrawList()->AddText(ui.fonts.font(role), size, ImVec2(x, y + lead), toU32(color),
                                        text.data(), text.data() + text.size());
}

static std::vector<std::string> wrap(const Ui& ui, FontRole role, std::string_view text, float width) {
    ui.fonts.note(role, text);
    return wrapText(text, width, [&](std::string_view s) { return textWidth(ui, role, s); });
}

float paragraphHeight(const Ui& ui, FontRole role, std::string_view text, float width) {
    return static_cast<float>(wrap(ui, role, text, width).size()) * lineHeight(ui, role);
}

float drawParagraph(const Ui& ui, FontRole role, std::string_view text, Rect box, Color color,
                    Align align) {
    const float lh = lineHeight(ui, role);
    float y = box.y;
    for (const auto& line : wrap(ui, role, text, box.w)) {
        drawText(ui, role, line, box.x, y, color, align, box.w);
        y += lh;
    }
    return y - box.y;
}

// The interaction part every tappable widget shares: an invisible ImGui button over `rect`,
// registered for automation. Returns {clicked, held}.
static std::pair<bool, bool> hit(const Ui& ui, std::string_view id, std::string_view label, Rect rect) {
    ui.widgets.add(id, rect, label);
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    const std::string imguiId(id);
    const bool clicked = ImGui::InvisibleButton(imguiId.c_str(), ImVec2(rect.w, rect.h));
    if (clicked && !label.empty()) ui.tapped.emplace_back(label);
    return {clicked, ImGui::IsItemActive()};
}

static void fill(const Ui& ui, Rect r, Color c) {
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(c), ui.theme.rounding);
    if (ui.theme.borderWidth > 0)
        dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(ui.theme.colors.border),
                    ui.theme.rounding, 0, ui.theme.borderWidth);
}

static void centredLabel(const Ui& ui, FontRole role, std::string_view label, Rect r, Color color) {
    const float inner = r.w - 2 * ui.theme.padding;
    const float h = paragraphHeight(ui, role, label, inner);
    drawParagraph(ui, role, label, {r.x + ui.theme.padding, r.y + (r.h - h) / 2, inner, h}, color,
                  Align::Center);
}

void panel(const Ui& ui, Rect r, Color c) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(c),
                                              ui.theme.rounding);
}

void qrCode(const Ui&, const QrModules& qr, Rect r) {
    if (qr.size <= 0) return;
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), IM_COL32_WHITE);
    const int quiet = 4;  // modules of white around the code, as the standard asks
    const float module = std::floor(std::min(r.w, r.h) / float(qr.size + 2 * quiet));
    const float x0 = r.x + (r.w - module * qr.size) / 2, y0 = r.y + (r.h - module * qr.size) / 2;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y))
                dl->AddRectFilled(ImVec2(x0 + x * module, y0 + y * module),
                                  ImVec2(x0 + (x + 1) * module, y0 + (y + 1) * module), IM_COL32_BLACK);
}

bool tapArea(const Ui& ui, std::string_view id, std::string_view label, Rect rect) {
    return hit(ui, id, label, rect).first;
}

bool button(const Ui& ui, std::string_view id, std::string_view label, Rect rect, ButtonStyle style,
            FontRole role) {
    const auto [clicked, held] = hit(ui, id, label, rect);
    const auto& c = ui.theme.colors;
    if (style == ButtonStyle::Primary) {
        fill(ui, rect, held ? c.buttonActive : c.button);
        centredLabel(ui, role, label, rect, c.buttonText);
    } else if (style == ButtonStyle::On) {
        fill(ui, rect, held ? c.buttonActive : c.toggleOn);
        centredLabel(ui, role, label, rect, held ? c.buttonText : c.toggleOnText);
    } else {
        fill(ui, rect, held ? c.background : c.surface);
        auto* dl = ImGui::GetWindowDrawList();
        dl->AddRect(ImVec2(rect.x, rect.y), ImVec2(rect.right(), rect.bottom()), toU32(c.button),
                    ui.theme.rounding, 0, std::max(2.0f, ui.theme.mm(0.6f)));
        centredLabel(ui, role, label, rect, c.text);
    }
    return clicked;
}

namespace {
// Where a tile's parts go. Wide, short tiles (landscape) put the icon beside the words; others
// stack icon, title and hint.
struct TileLayout {
    bool beside;
    float icon, textX, textW, roomH;
};
TileLayout layoutTile(const Theme& th, Rect rect) {
    TileLayout l;
    l.beside = rect.w > rect.h * 2.2f;
    l.icon = l.beside ? std::min(th.iconPx, rect.h - 2 * th.padding) : th.iconPx;
    l.textX = l.beside ? rect.x + th.padding + l.icon + th.gap : rect.x + th.padding;
    l.textW = rect.right() - th.padding - l.textX;
    l.roomH = rect.h - th.padding - (l.beside ? 0 : l.icon + th.gap / 2);
    return l;
}
}  // namespace

FontRole tileTitleRole(const Ui& ui, std::string_view title, Rect rect) {
    const TileLayout l = layoutTile(ui.theme, rect);
    for (FontRole role : {FontRole::Display, FontRole::Title})
        if (paragraphHeight(ui, role, title, l.textW) <= l.roomH) return role;
    return FontRole::Strong;
}

bool tile(const Ui& ui, std::string_view id, std::string_view title, std::string_view hint,
          Icon iconKind, Color color, Rect rect, FontRole titleRole) {
    const auto [clicked, held] = hit(ui, id, title, rect);
    const auto& th = ui.theme;
    fill(ui, rect, held ? Color{color.r * 0.75f, color.g * 0.75f, color.b * 0.75f, 1} : color);

    const TileLayout l = layoutTile(th, rect);
    const bool beside = l.beside;
    const float gap = th.gap / 2;
    float icon = l.icon;
    const float textX = l.textX, textW = l.textW, roomH = l.roomH;
    const float titleH = paragraphHeight(ui, titleRole, title, textW);
    const float hintH = paragraphHeight(ui, FontRole::Body, hint, textW);
    const bool showHint = titleH + gap + hintH <= roomH;
    const float textH = titleH + (showHint ? gap + hintH : 0);
    if (!beside && textH > roomH) icon = 0;  // no room for the icon at all: words matter more

    const Align align = beside ? Align::Left : Align::Center;
    const float blockH = beside ? textH : (icon > 0 ? icon + gap : 0) + textH;
    float y = rect.y + std::max(th.padding / 2, (rect.h - blockH) / 2);
    auto* dl = ImGui::GetWindowDrawList();
    if (icon > 0 && beside) {
        drawIcon(dl, iconKind, rect.x + th.padding + icon / 2, rect.y + rect.h / 2, icon, toU32(th.colors.tileText));
    } else if (icon > 0) {
        drawIcon(dl, iconKind, rect.x + rect.w / 2, y + icon / 2, icon, toU32(th.colors.tileText));
        y += icon + gap;
    }
    y += drawParagraph(ui, titleRole, title, {textX, y, textW, titleH}, th.colors.tileText, align);
    if (showHint)
        drawParagraph(ui, FontRole::Body, hint, {textX, y + gap, textW, hintH}, th.colors.tileText, align);
    return clicked;
}

}  // namespace homedesk::ui
