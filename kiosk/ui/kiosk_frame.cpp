#include "kiosk/ui/kiosk_frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "kiosk/ui/sync_words.hpp"
#include "kiosk/core/text_layout.hpp"
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
        if (x > 0 && x + w > infoW) x = 0, y += f.infoRowH;
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
    if (id == ScreenId::Complaint) return m_complaint;
    if (id == ScreenId::Survey) return m_survey;
    if (id == ScreenId::Enroll) return m_enroll;
    if (id == ScreenId::Sync) return m_sync;
    if (id == ScreenId::Notices) return m_notices;
    if (id == ScreenId::Track) return m_track;
    if (id == ScreenId::Scan) return m_scan;
    if (id == ScreenId::Guide) return m_guide;
    return m_placeholder;
}

std::string KioskFrame::summary(const Ui& ui, const KioskView& view) const {
    if (view.state.idleShow.showing()) {
        for (const auto& n : view.state.notices)
            if (n.id == view.state.idleShow.noticeId())
                return noticeTitle(ui, view, n) + ui.t("speech.pause") + n.body.in(view.state.settings.language) +
                       ui.t("speech.pause") + ui.t("attract.touch");
    }
    if (view.prompting)
        return ui.t("idle.title") + " " +
               format(ui.t("idle.body"), {{"seconds", std::to_string(view.promptSecondsLeft)}});
    const std::string text = screenFor(view.state.screen()).summary(ui, view);
    // Keys the field refused: the reason first, then the question again.
    if (!view.state.entryError.empty()) return ui.t(view.state.entryError) + ui.t("speech.pause") + text;
    return text;
}

void KioskFrame::draw(const Ui& ui, const KioskView& view, float width, float height) const {
    const auto& th = ui.theme;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    beginFullScreen("##kiosk", width, height, ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(width, height),
                                              toU32(th.colors.background));

    float headerH = drawHeader(ui, view, width);
    // Wide screens have room in the header between the community and the clock: Back and Home
    // go there, and the content gets the height a bottom bar would take.
    const std::optional<Rect> headerBar = view.state.atHome() ? std::nullopt : navBarInHeader(ui, view, width, headerH);
    if (headerBar) drawNavBar(ui, *headerBar, ButtonStyle::Secondary);
    headerH += drawEmergencyBanner(ui, view, headerH, width);
    const FooterLayout footer = layoutFooter(ui, view, width);
    const float footerTop = height - footer.height;
    drawFooter(ui, view, footer, footerTop, width);

    float contentBottom = footerTop - th.gap;
    if (!view.state.atHome() && !headerBar) {
        const Rect bar{th.margin, contentBottom - th.buttonHeight, width - 2 * th.margin,
                       th.buttonHeight};
        drawNavBar(ui, bar, ButtonStyle::Primary);
        contentBottom = bar.y - th.gap;
    }
    const Rect content{th.margin, headerH + th.margin, width - 2 * th.margin,
                       contentBottom - headerH - th.margin};
    screenFor(view.state.screen()).drawContent(ui, view, content);
    ImGui::End();

    if (view.prompting) drawIdlePrompt(ui, view, width, height);
    else if (view.state.idleShow.showing()) drawIdleShow(ui, view, width, height);
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

std::optional<Rect> KioskFrame::navBarInHeader(const Ui& ui, const KioskView& view, float width,
                                               float headerH) const {
    const auto& th = ui.theme;
    if (width <= headerH * 4 || th.buttonHeight > headerH - 2 * th.gap) return std::nullopt;
    const float leftW = std::max(textWidth(ui, FontRole::Title, view.site.community),
                                 textWidth(ui, FontRole::Body, ui.t("app.name")));
    const float rightW = std::max(textWidth(ui, FontRole::Display, view.time),
                                  textWidth(ui, FontRole::Body, view.date));
    const float x0 = th.margin + leftW + th.gap * 3, x1 = width - th.margin - rightW - th.gap * 3;
    const float labelW = std::max(textWidth(ui, FontRole::Strong, ui.t("nav.back")),
                                  textWidth(ui, FontRole::Strong, ui.t("nav.home")));
    const float minW = std::max(th.minTargetPx, labelW + 2 * th.padding) * 2 + th.gap;
    if (x1 - x0 < minW || width < 1.2f * 1080) return std::nullopt;  // portrait keeps the bar at the bottom
    const float w = std::min(x1 - x0, th.mm(150));
    return Rect{x0 + (x1 - x0 - w) / 2, (headerH - th.buttonHeight) / 2, w, th.buttonHeight};
}

void KioskFrame::drawNavBar(const Ui& ui, Rect bar, ButtonStyle homeStyle) const {
    const auto& th = ui.theme;
    const float w = (bar.w - th.gap) / 2;
    if (button(ui, "nav.back", ui.t("nav.back"), {bar.x, bar.y, w, bar.h}, ButtonStyle::Secondary))
        ui.emit(intent::Back{});
    if (button(ui, "nav.home", ui.t("nav.home"), {bar.x + w + th.gap, bar.y, w, bar.h}, homeStyle))
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

// An emergency notice in force shows under the header on Home; a tap opens it.
float KioskFrame::drawEmergencyBanner(const Ui& ui, const KioskView& view, float top, float width) const {
    const auto& th = ui.theme;
    const Notice* e = activeEmergency(view.state.notices, view.now);
    if (!e || !view.state.atHome()) return 0;  // Home only: a flow's screen keeps all its room
    const std::string text = noticeTitle(ui, view, *e) + "  " + ui.t("notices.banner.open");
    const float inner = width - 2 * th.margin - 2 * th.padding;
    const float h = std::max(th.minTargetPx, paragraphHeight(ui, FontRole::Title, text, inner) + th.padding);
    const Rect r{0, top, width, h};
    if (tapArea(ui, "banner.emergency", text, r)) ui.emit(intent::Notices{intent::Notices::Kind::OpenEmergency});
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), toU32(th.colors.banner));
    drawParagraph(ui, FontRole::Title, text, {th.margin + th.padding, top + th.padding / 2, inner, 0}, th.colors.bannerText);
    return h;
}

// Nobody is here: current notices one after another (or the emergency ones, larger and in the
// banner colour), and "touch to start". A touch anywhere only wakes the terminal (intent::Wake):
// the finger never reaches what lies under the show.
void KioskFrame::drawIdleShow(const Ui& ui, const KioskView& view, float width, float height) const {
    const auto& th = ui.theme;
    const IdleShow& show = view.state.idleShow;
    const Notice* n = nullptr;
    for (const auto& candidate : view.state.notices)
        if (candidate.id == show.noticeId()) n = &candidate;
    ImGui::SetNextWindowFocus();
    beginFullScreen("##idleshow", width, height);
    auto* dl = ImGui::GetWindowDrawList();
    const bool takeover = show.mode() == IdleShow::Mode::Takeover;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), toU32(th.colors.background));
    const bool woke = tapArea(ui, "attract.anywhere", ui.t("attract.touch"), {0, 0, width, height});

    // Top: community and time; bottom: "touch to start" in a big bar.
    const float headH = drawHeader(ui, view, width);
    const float barH = std::max(th.buttonHeight * 1.5f, lineHeight(ui, FontRole::Display) + th.padding);
    const Rect bar{th.margin, height - barH - th.margin, width - 2 * th.margin, barH};
    panel(ui, bar, th.colors.button);
    drawText(ui, FontRole::Display, ui.t("attract.touch"), bar.x, bar.y + (bar.h - lineHeight(ui, FontRole::Display)) / 2,
             th.colors.buttonText, Align::Center, bar.w);

    if (n) {
        const Language lang = view.state.settings.language;
        const float x = th.margin, w = width - 2 * th.margin;
        float y = headH + th.margin;
        const std::string label = ui.t(takeover ? "attract.emergency" : "attract.title");
        if (takeover) {
            const std::string title = n->title.in(lang);
            const float h = paragraphHeight(ui, FontRole::Display, title, w - 2 * th.padding) + lineHeight(ui, FontRole::Title) + th.padding;
            panel(ui, {x, y, w, h}, th.colors.banner);
            drawText(ui, FontRole::Title, label, x + th.padding, y + th.padding / 2, th.colors.bannerText);
            drawParagraph(ui, FontRole::Display, title, {x + th.padding, y + th.padding / 2 + lineHeight(ui, FontRole::Title), w - 2 * th.padding, 0},
                          th.colors.bannerText);
            y += h + th.gap;
        } else {
            drawText(ui, FontRole::Title, label, x, y, th.colors.textMuted);
            y += lineHeight(ui, FontRole::Title);
            y += drawParagraph(ui, FontRole::Display, noticeTitle(ui, view, *n), {x, y, w, 0}, th.colors.text);
        }
        y += drawParagraph(ui, FontRole::Body, noticeMeta(ui, view, *n), {x, y, w, 0}, th.colors.textMuted) + th.gap;
        // As much of the body as fits above the bar, in the largest type that holds all of it.
        const auto linesIn = [&](FontRole role) {
            ui.fonts.note(role, n->body.in(lang));
            return wrapText(n->body.in(lang), w, [&](std::string_view s) { return textWidth(ui, role, s); });
        };
        FontRole role = FontRole::Display;
        auto lines = linesIn(role);
        if (lines.size() * lineHeight(ui, role) > bar.y - th.gap - y) lines = linesIn(role = FontRole::Title);
        const float lh = lineHeight(ui, role);
        for (const auto& line : lines) {
            if (y + lh > bar.y - th.gap) break;
            drawText(ui, role, line, x, y, th.colors.text);
            y += lh;
        }
    }
    if (woke) ui.emit(intent::Wake{});
    ImGui::End();
}

}  // namespace homedesk::ui
