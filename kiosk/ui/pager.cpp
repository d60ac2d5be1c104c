#include "kiosk/ui/pager.hpp"

#include <algorithm>
#include <string>

namespace homedesk::ui {

int pager(const Ui& ui, std::string_view prefix, Rect row, int page, int pages) {
    const auto& th = ui.theme;
    if (pages <= 1) return 0;
    const float w = (row.w - 2 * th.gap) / 3;
    int move = 0;
    const std::string p(prefix);
    if (page > 0 && button(ui, p + ".page_up", ui.t("pager.up"), {row.x, row.y, w, row.h}, ButtonStyle::Secondary)) move = -1;
    const std::string label = format(ui.t("pager.position"), {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    drawText(ui, FontRole::Strong, label, row.x + w + th.gap, row.y + (row.h - lineHeight(ui, FontRole::Strong)) / 2,
             th.colors.text, Align::Center, w);
    if (page + 1 < pages &&
        button(ui, p + ".page_down", ui.t("pager.down"), {row.right() - w, row.y, w, row.h}, ButtonStyle::Secondary))
        move = 1;
    return move;
}

float pagerColumnWidth(const Ui& ui) {
    float w = ui.theme.mm(40);
    for (const char* key : {"pager.up", "pager.down"}) w = std::max(w, textWidth(ui, FontRole::Strong, ui.t(key)) + 2 * ui.theme.padding);
    return w;
}

int pagerColumn(const Ui& ui, std::string_view prefix, Rect col, int page, int pages) {
    const auto& th = ui.theme;
    if (pages <= 1) return 0;
    const float h = std::max(th.buttonHeight, std::min(th.buttonHeight * 1.5f, (col.h - th.gap * 2) / 3));
    int move = 0;
    const std::string p(prefix);
    if (page > 0 && button(ui, p + ".page_up", ui.t("pager.up"), {col.x, col.y, col.w, h}, ButtonStyle::Secondary)) move = -1;
    const std::string label = format(ui.t("pager.position"), {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    const float lh = paragraphHeight(ui, FontRole::Strong, label, col.w);
    if (col.h >= 2 * h + lh + 2 * th.gap)  // the position only where it does not crowd the buttons
        drawParagraph(ui, FontRole::Strong, label, {col.x, col.y + (col.h - lh) / 2, col.w, lh}, th.colors.text, Align::Center);
    if (page + 1 < pages &&
        button(ui, p + ".page_down", ui.t("pager.down"), {col.x, col.bottom() - h, col.w, h}, ButtonStyle::Secondary))
        move = 1;
    return move;
}

int linesPerPage(float height, float lineH) { return std::max(1, static_cast<int>(height / std::max(1.0f, lineH))); }

}  // namespace homedesk::ui
