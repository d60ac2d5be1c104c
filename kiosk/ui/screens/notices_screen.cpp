#include "kiosk/ui/screens/notices_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/core/datetime.hpp"
#include "kiosk/core/text_layout.hpp"
#include "kiosk/ui/pager.hpp"
#include "kiosk/ui/screens/notices_screen_layout.hpp"

namespace homedesk::ui {

using Kind = intent::Notices::Kind;

std::string noticeMeta(const Ui& ui, const KioskView& view, const Notice& n) {
    const Language lang = view.state.settings.language;
    std::string meta =
        ui.t("notices.category." + std::string(toString(n.category))) + " · " +
        format(ui.t("notices.published"), {{"time", formatMoment(n.publishAt, view.now, lang)}});
    if (n.expireAt)
        meta += " · " + format(ui.t("notices.until"),
                               {{"time", formatMoment(*n.expireAt, view.now, lang)}});
    return meta;
}

std::string noticeTitle(const Ui& ui, const KioskView& view, const Notice& n) {
    const std::string& title = n.title.in(view.state.settings.language);
    if (n.emergency) return ui.t("notices.mark.emergency") + title;
    if (n.pinned) return ui.t("notices.mark.pinned") + title;
    return title;
}

static const Notice* findNotice(const std::vector<Notice>& current, const std::string& id) {
    for (const auto& n : current)
        if (n.id == id) return &n;
    return nullptr;
}

std::string NoticesScreen::summary(const Ui& ui, const KioskView& view) const {
    if (!view.state.flow<NoticesFlow>()) return ui.t("home.tile.notices");
    const auto current = currentNotices(view.state.notices, view.now);
    const NoticesFlow& f = *view.state.flow<NoticesFlow>();
    if (const Notice* n = f.inDetail() ? findNotice(current, f.openId()) : nullptr) {
        const Language lang = view.state.settings.language;
        return noticeTitle(ui, view, *n) + ui.t("speech.pause") + n->body.in(lang);
    }
    std::string text = ui.t("notices.title");
    const auto shown = filtered(current, f.filter());
    if (shown.empty()) return text + ui.t("speech.pause") + ui.t("notices.empty");
    for (const Notice* n : shown) text += ui.t("speech.pause") + noticeTitle(ui, view, *n);
    return text;
}

void NoticesScreen::drawContent(const Ui& ui, const KioskView& view, Rect content) const {
    if (!view.state.flow<NoticesFlow>()) return;
    const NoticesFlow& f = *view.state.flow<NoticesFlow>();
    const auto current = currentNotices(view.state.notices, view.now);
    if (const Notice* n = f.inDetail() ? findNotice(current, f.openId()) : nullptr)
        drawDetail(ui, view, *n, f.page(), content);
    else
        drawList(ui, view, f, content);
}

void NoticesScreen::drawList(const Ui& ui, const KioskView& view, const NoticesFlow& f,
                             Rect content) const {
    const auto& th = ui.theme;
    float y = content.y;
    // On a short, wide screen the chips say where we are: the heading gives way to the notices.
    const bool shortWide = content.w > content.h * 1.5f && content.h <= th.buttonHeight * 6;
    if (!shortWide)
        y += drawParagraph(ui, FontRole::Display, ui.t("notices.title"),
                           {content.x, y, content.w, 0}, th.colors.text) +
             th.gap / 2;

    // Chips: All and the four categories, in as many rows as their labels need.
    std::vector<std::pair<std::string, std::string>> chips{{"all", ui.t("notices.filter.all")}};
    for (NoticeCategory c : kNoticeCategories)
        chips.emplace_back(std::string(toString(c)),
                           ui.t("notices.category." + std::string(toString(c))));
    std::vector<float> labelWidths;
    for (const auto& chip : chips)
        labelWidths.push_back(textWidth(ui, FontRole::Strong, chip.second));
    const int cols = chipColumns(labelWidths, content.w, th.gap, th.padding);
    const float chipW = (content.w - th.gap * (cols - 1)) / cols;
    const float chipH = th.buttonHeight;
    for (size_t i = 0; i < chips.size(); ++i) {
        const Rect r{content.x + (i % cols) * (chipW + th.gap), y + (i / cols) * (chipH + th.gap),
                     chipW, chipH};
        const bool on =
            i == 0 ? !f.filter() : f.filter() && *f.filter() == kNoticeCategories[i - 1];
        if (button(ui, "notices.filter." + chips[i].first, chips[i].second, r,
                   on ? ButtonStyle::On : ButtonStyle::Secondary))
            ui.emit(i == 0 ? intent::Notices{Kind::AllCategories}
                           : intent::Notices{Kind::Filter, "", kNoticeCategories[i - 1]});
    }
    y += ((chips.size() + cols - 1) / cols) * (chipH + th.gap) + th.gap / 2;

    const auto current = currentNotices(view.state.notices, view.now);  // `shown` points into it
    const auto shown = filtered(current, f.filter());
    if (shown.empty()) {
        drawParagraph(ui, FontRole::Title, ui.t("notices.empty"), {content.x, y, content.w, 0},
                      th.colors.textMuted);
        return;
    }
    // Rows of title and meta; pages of whole rows, the pager under them when they overflow.
    const float pagerH = th.buttonHeight;
    const bool side = content.w > (content.bottom() - y) * 2;
    const float colW = side ? pagerColumnWidth(ui) : 0;
    const float rowW = side ? content.w - colW - th.gap * 2 : content.w;
    const float inner = rowW - 2 * th.padding;
    // Titles in Title size, one size down where that would leave room for fewer than two rows.
    const auto rowHeights = [&](FontRole role) {
        std::vector<float> out;
        for (const Notice* n : shown)
            out.push_back(
                std::max(th.minTargetPx,
                         paragraphHeight(ui, role, noticeTitle(ui, view, *n), inner) +
                             paragraphHeight(ui, FontRole::Body, noticeMeta(ui, view, *n), inner) +
                             th.padding));
        return out;
    };
    FontRole titleRole = FontRole::Title;
    std::vector<float> heights = rowHeights(titleRole);
    if (*std::max_element(heights.begin(), heights.end()) * 2 > content.bottom() - y)
        heights = rowHeights(titleRole = FontRole::Strong);
    auto starts = pageStarts(heights, content.bottom() - y, th.gap);
    if (starts.size() > 1 && !side)
        starts = pageStarts(heights, content.bottom() - y - pagerH - th.gap, th.gap);
    const float listTop = y;
    const int pages = static_cast<int>(starts.size());
    const int page = std::clamp(f.page(), 0, pages - 1);
    const size_t end = page + 1 < pages ? starts[page + 1] : shown.size();
    for (size_t i = starts[page]; i < end; ++i) {
        const Notice& n = *shown[i];
        // A row taller than the room left is cut at the content's edge, never over Back and Home.
        const Rect row{content.x, y, rowW, std::min(heights[i], content.bottom() - y)};
        const std::string title = noticeTitle(ui, view, n);
        if (tapArea(ui, "notices.item." + n.id, title, row))
            ui.emit(intent::Notices{Kind::Open, n.id});
        ImGui::PushClipRect(ImVec2(row.x, row.y), ImVec2(row.right(), row.bottom()), true);
        panel(ui, row, n.emergency ? th.colors.banner : th.colors.surface);
        const Color text = n.emergency ? th.colors.bannerText : th.colors.text;
        float ty = y + th.padding / 2;
        ty += drawParagraph(ui, titleRole, title, {content.x + th.padding, ty, inner, 0}, text);
        drawParagraph(ui, FontRole::Body, noticeMeta(ui, view, n),
                      {content.x + th.padding, ty, inner, 0},
                      n.emergency ? th.colors.bannerText : th.colors.textMuted);
        ImGui::PopClipRect();
        y += heights[i] + th.gap;
    }
    if (pages > 1) {
        const int move =
            side ? pagerColumn(ui, "notices",
                               {content.right() - colW, listTop, colW, content.bottom() - listTop},
                               page, pages)
                 : pager(ui, "notices", {content.x, content.bottom() - pagerH, content.w, pagerH},
                         page, pages);
        if (move < 0) ui.emit(intent::Notices{Kind::PageUp});
        if (move > 0) ui.emit(intent::Notices{Kind::PageDown, "", {}, pages});
    }
}

void NoticesScreen::drawDetail(const Ui& ui, const KioskView& view, const Notice& n, int page,
                               Rect content) const {
    const auto& th = ui.theme;
    const Language lang = view.state.settings.language;
    float y = content.y;
    if (n.emergency) {
        const std::string title = noticeTitle(ui, view, n);
        const FontRole titleRole = content.w > content.h ? FontRole::Title : FontRole::Display;
        const float h = paragraphHeight(ui, titleRole, title, content.w - 2 * th.padding);
        panel(ui, {content.x, y, content.w, h + th.padding}, th.colors.banner);
        drawParagraph(ui, titleRole, title,
                      {content.x + th.padding, y + th.padding / 2, content.w - 2 * th.padding, 0},
                      th.colors.bannerText);
        y += h + th.padding + th.gap / 2;
    } else {
        const FontRole titleRole = content.w > content.h
                                       ? FontRole::Title
                                       : FontRole::Display;  // wide screens: room for the text
        y += drawParagraph(ui, titleRole, noticeTitle(ui, view, n), {content.x, y, content.w, 0},
                           th.colors.text);
    }
    y += drawParagraph(ui, FontRole::Body, noticeMeta(ui, view, n), {content.x, y, content.w, 0},
                       th.colors.textMuted) +
         th.gap;

    // The body in large type, whole lines per page; the pager under it, or beside it on a wide
    // screen.
    const bool side = content.w > (content.bottom() - y) * 2;
    // Title size, unless that leaves fewer than five lines a page (a wide screen in large text).
    const FontRole role = linesPerPage(content.bottom() - y, lineHeight(ui, FontRole::Title)) < 5
                              ? FontRole::Strong
                              : FontRole::Title;
    const float lh = lineHeight(ui, role);
    const float colW = side ? pagerColumnWidth(ui) : 0;
    const float textW = side ? content.w - colW - th.gap * 2 : content.w;
    ui.fonts.note(role, n.body.in(lang));
    const auto lines = wrapText(n.body.in(lang), textW,
                                [&](std::string_view s) { return textWidth(ui, role, s); });
    const float pagerH = th.buttonHeight * 1.2f;
    int per = linesPerPage(content.bottom() - y, lh);
    if (!side && static_cast<int>(lines.size()) > per)
        per = linesPerPage(content.bottom() - y - pagerH - th.gap, lh);
    const int pages = std::max(1, static_cast<int>((lines.size() + per - 1) / per));
    page = std::clamp(page, 0, pages - 1);
    const float textTop = y;
    for (size_t i = page * per; i < std::min(lines.size(), static_cast<size_t>((page + 1) * per));
         ++i) {
        drawText(ui, role, lines[i], content.x, y, th.colors.text);
        y += lh;
    }
    const int move =
        side ? pagerColumn(ui, "notices.detail",
                           {content.right() - colW, textTop, colW, content.bottom() - textTop},
                           page, pages)
             : pager(ui, "notices.detail",
                     {content.x, content.bottom() - pagerH, content.w, pagerH}, page, pages);
    if (move < 0) ui.emit(intent::Notices{Kind::PageUp});
    if (move > 0) ui.emit(intent::Notices{Kind::PageDown, "", {}, pages});
}

}  // namespace homedesk::ui
