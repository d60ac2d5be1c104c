#include "kiosk/ui/kiosk_frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "kiosk/ui/sync_words.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

namespace {

constexpr ImGuiWindowFlags kFullScreen =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;

void beginFullScreen(const char* name, float width, float height, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::Begin(name, nullptr, kFullScreen | extra);
}

// "Large text · Off": a toggle says its state in words, not only in colour.
std::string stateLabel(const Ui& ui, std::string_view key, bool on) {
    return ui.t(key) + " · " + ui.t(on ? "toggle.on" : "toggle.off");
}

}  // namespace

// Where the footer's parts go, relative to its top-left corner: three toggles in a row and the
// information items (steward, service line, sync status) flowing after them, beside the
// toggles when the screen is wide enough (landscape), else below.
struct KioskFrame::FooterLayout {
    std::array<std::string, 3> labels;
    std::array<Rect, 3> toggles;
    std::array<std::string, 3> info;  // steward, service line, sync status
    std::array<ImVec2, 3> infoAt;
    float infoRowH = 0;
    Rect sync;  // the sync status is a button: it opens the Sync screen
    float height = 0;
};

KioskFrame::FooterLayout KioskFrame::layoutFooter(const Ui& ui, const KioskView& view,
                                                  float width) const {
    const auto& th = ui.theme;
    const auto& s = view.state.settings;
    const auto& site = view.site;
    FooterLayout f;
    f.labels = {stateLabel(ui, "footer.large_text", s.largeText), ui.t("footer.language"),
                stateLabel(ui, "footer.read_aloud", s.readAloud)};
    f.info = {format(ui.t("footer.steward"), {{"name", site.stewardName}, {"phone", site.stewardPhone}}),
              format(ui.t("footer.service_line"), {{"phone", site.serviceLine}}),
              syncStatusText(ui, view.sync)};

    // Toggles at their natural width with the information beside them if the screen is wide
    // enough for both (landscape); otherwise toggles share the width and information goes below.
    float natural = 0;
    for (const auto& label : f.labels)
        natural = std::max(natural, textWidth(ui, FontRole::Strong, label) + 2 * th.padding);
    natural = std::max(natural, th.mm(45));
    const float usable = width - 2 * th.margin;
    const bool beside = usable - 3 * natural - 4 * th.gap >= usable * 0.35f;
    const float columnW = beside ? natural : (usable - 2 * th.gap) / 3;
    float rowH = th.buttonHeight;  // tall enough for the longest label, wrapped
    for (const auto& label : f.labels)
        rowH = std::max(rowH, paragraphHeight(ui, FontRole::Strong, label, columnW - 2 * th.padding) + th.padding);
    for (int i = 0; i < 3; ++i) f.toggles[i] = {th.margin + i * (columnW + th.gap), th.padding, columnW, rowH};

    const float infoX = beside ? f.toggles[2].right() + th.gap * 2 : th.margin;
    const float infoW = width - th.margin - infoX;
    const float lh = lineHeight(ui, FontRole::Body);
    const float dot = std::min(th.mm(3), th.padding);
    const float syncW = std::max(th.minTargetPx, textWidth(ui, FontRole::Body, f.info[2]) + 2 * th.padding + dot + th.gap / 2);
    const float syncH = std::max(th.minTargetPx, lh);
    f.infoRowH = std::max(lh, syncH);
    float x = 0, y = 0;
    for (int i = 0; i < 3; ++i) {
        const float w = i == 2 ? syncW : textWidth(ui, FontRole::Body, f.info[i]);
        if (x > 0 && x + w > infoW) x = 0, y += f.infoRowH + th.gap / 2;
        f.infoAt[i] = ImVec2(infoX + x, y);
        x += w + th.gap * 2;
    }
    const float infoH = y + f.infoRowH;
    const float infoTop = beside ? th.padding + std::max(0.0f, (rowH - infoH) / 2) : th.padding + rowH + th.gap;
    for (auto& at : f.infoAt) at.y += infoTop;
    f.sync = {f.infoAt[2].x, f.infoAt[2].y + (f.infoRowH - syncH) / 2, syncW, syncH};
    f.height = std::max(th.padding + rowH, infoTop + infoH) + th.padding;
    return f;
}

const Screen& KioskFrame::screenFor(ScreenId id) const {
    if (id == ScreenId::Home) return m_home;
    if (id == ScreenId::Repair) return m_repair;
    if (id == ScreenId::Enroll) return m_enroll;
    if (id == ScreenId::Sync) return m_sync;
    return m_placeholder;
}

std::string KioskFrame::summary(const Ui& ui, const KioskView& view) const {
    if (view.prompting)
        return ui.t("idle.title") + " " +
               format(ui.t("idle.body"), {{"seconds", std::to_string(view.promptSecondsLeft)}});
    return screenFor(view.state.screen()).summary(ui, view);
}

void KioskFrame::draw(const Ui& ui, const KioskView& view, float width, float height) const {
    const auto& th = ui.theme;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    beginFullScreen("##kiosk", width, height, ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(width, height),
                                              toU32(th.colors.background));

    const float headerH = drawHeader(ui, view, width);
    const FooterLayout footer = layoutFooter(ui, view, width);
    const float footerTop = height - footer.height;
    drawFooter(ui, view, footer, footerTop, width);

    float contentBottom = footerTop - th.gap;
    if (!view.state.atHome()) {
        const Rect bar{th.margin, contentBottom - th.buttonHeight, width - 2 * th.margin,
                       th.buttonHeight};
        drawNavBar(ui, bar);
        contentBottom = bar.y - th.gap;
    }
    const Rect content{th.margin, headerH + th.margin, width - 2 * th.margin,
                       contentBottom - headerH - th.margin};
    screenFor(view.state.screen()).drawContent(ui, view, content);
    ImGui::End();

    if (view.prompting) drawIdlePrompt(ui, view, width, height);
    ImGui::PopStyleVar(2);
}

float KioskFrame::drawHeader(const Ui& ui, const KioskView& view, float width) const {
    const auto& th = ui.theme;
    // Single lines here, so rows are packed at 1.2 em rather than paragraph spacing.
    const auto row = [&](FontRole role) { return fontSize(ui, role) * 1.2f; };
    const auto top = [&](FontRole role, float y) {  // drawText centres the em in a line box
        return y - (lineHeight(ui, role) - fontSize(ui, role)) / 2 + fontSize(ui, role) * 0.1f;
    };
    const float leftH = row(FontRole::Title) + row(FontRole::Body);
    const float rightH = row(FontRole::Display) + row(FontRole::Body);
    const float height = th.padding * 2 + std::max(leftH, rightH);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(width, height),
                                              toU32(th.colors.header));

    float y = (height - leftH) / 2;
    drawText(ui, FontRole::Title, view.site.community, th.margin, top(FontRole::Title, y),
             th.colors.headerText);
    y += row(FontRole::Title);
    drawText(ui, FontRole::Body, ui.t("app.name"), th.margin, top(FontRole::Body, y),
             th.colors.headerText);

    const float rightW = std::max(textWidth(ui, FontRole::Display, view.time),
                                  textWidth(ui, FontRole::Body, view.date));
    const float rightX = width - th.margin - rightW;
    y = (height - rightH) / 2;
    drawText(ui, FontRole::Display, view.time, rightX, top(FontRole::Display, y),
             th.colors.headerText, Align::Right, rightW);
    y += row(FontRole::Display);
    drawText(ui, FontRole::Body, view.date, rightX, top(FontRole::Body, y), th.colors.headerText,
             Align::Right, rightW);
    return height;
}

void KioskFrame::drawFooter(const Ui& ui, const KioskView& view, const FooterLayout& f,
                            float top, float width) const {
    const auto& th = ui.theme;
    const auto& s = view.state.settings;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(width, top + f.height),
                                              toU32(th.colors.surface));
    const auto slot = [&](int i) { Rect r = f.toggles[i]; r.y += top; return r; };
    if (button(ui, "footer.large_text", f.labels[0], slot(0),
               s.largeText ? ButtonStyle::On : ButtonStyle::Primary))
        ui.emit(intent::ToggleLargeText{});
    const Language other = s.language == Language::Chinese ? Language::English : Language::Chinese;
    if (button(ui, "footer.language", f.labels[1], slot(1))) ui.emit(intent::SetLanguage{other});
    if (button(ui, "footer.read_aloud", f.labels[2], slot(2),
               s.readAloud ? ButtonStyle::On : ButtonStyle::Primary))
        ui.emit(intent::ToggleReadAloud{});
    const float lh = lineHeight(ui, FontRole::Body);
    for (int i = 0; i < 2; ++i)
        drawText(ui, FontRole::Body, f.info[i], f.infoAt[i].x, top + f.infoAt[i].y + (f.infoRowH - lh) / 2,
                 th.colors.text);
    Rect sync = f.sync;
    sync.y += top;
    if (button(ui, "footer.sync", f.info[2], sync, ButtonStyle::Secondary, FontRole::Body))
        ui.emit(intent::Open{ScreenId::Sync});
    const float dot = std::min(th.mm(3), th.padding);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(sync.x + th.padding * 0.5f + dot / 2, sync.y + sync.h / 2),
                                                dot / 2, toU32(syncLightColor(ui, syncLight(view.sync))));
}

void KioskFrame::drawNavBar(const Ui& ui, Rect bar) const {
    const auto& th = ui.theme;
    const float w = (bar.w - th.gap) / 2;
    if (button(ui, "nav.back", ui.t("nav.back"), {bar.x, bar.y, w, bar.h}, ButtonStyle::Secondary))
        ui.emit(intent::Back{});
    if (button(ui, "nav.home", ui.t("nav.home"), {bar.x + w + th.gap, bar.y, w, bar.h}))
        ui.emit(intent::Home{});
}

void KioskFrame::drawIdlePrompt(const Ui& ui, const KioskView& view, float width, float height) const {
    const auto& th = ui.theme;
    ImGui::SetNextWindowFocus();
    beginFullScreen("##idle", width, height);
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), toU32(th.colors.overlay));

    const std::string seconds = std::to_string(view.promptSecondsLeft);
    const std::string body = format(ui.t("idle.body"), {{"seconds", seconds}});
    const float panelW = width - 2 * th.margin;
    const float inner = panelW - 2 * th.padding;
    const float titleH = paragraphHeight(ui, FontRole::Display, ui.t("idle.title"), inner);
    const float bodyH = paragraphHeight(ui, FontRole::Title, body, inner);
    const float buttonH = th.buttonHeight * 1.25f;
    const float panelH = th.padding * 2 + titleH + th.gap + bodyH + th.gap * 2 + buttonH;
    const Rect panel{th.margin, (height - panelH) / 2, panelW, panelH};

    // A tap anywhere continues; the button says so in words.
    bool continued = tapArea(ui, "idle.anywhere", ui.t("idle.continue"), {0, 0, width, height});
    ImGui::SetItemAllowOverlap();
    dl->AddRectFilled(ImVec2(panel.x, panel.y), ImVec2(panel.right(), panel.bottom()),
                      toU32(th.colors.surface), th.rounding);
    float y = panel.y + th.padding;
    y += drawParagraph(ui, FontRole::Display, ui.t("idle.title"), {panel.x + th.padding, y, inner, 0},
                       th.colors.text, Align::Center);
    y += th.gap;
    y += drawParagraph(ui, FontRole::Title, body, {panel.x + th.padding, y, inner, 0}, th.colors.text,
                       Align::Center);
    y += th.gap * 2;
    continued |= button(ui, "idle.continue", ui.t("idle.continue"),
                        {panel.x + th.padding, y, inner, buttonH});
    if (continued) ui.emit(intent::ContinueSession{});
    ImGui::End();
}

}  // namespace homedesk::ui
