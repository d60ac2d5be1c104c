#include "kiosk/ui/flow_parts.hpp"

#include <algorithm>

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
    float y = area.y;
    for (size_t i = 0; i < options.size(); ++i) {
        const Option& o = options[i];
        const std::string label = o.hint.empty() ? o.title : o.title + "\n" + o.hint;
        const float h = std::max(th.buttonHeight * 1.6f, paragraphHeight(ui, FontRole::Strong, label, area.w - 2 * th.padding) + th.padding * 2);
        if (button(ui, o.id, label, {area.x, y, area.w, h})) chosen = i;
        y += h + th.gap;
    }
    return chosen;
}

float readBack(const Ui& ui, const ReadBackRows& rows, Rect body, float reserve) {
    const auto& th = ui.theme;
    const int columns = body.w > body.h * 1.2f ? 2 : 1;
    const float columnW = (body.w - th.gap * 2 * (columns - 1)) / columns;
    const float labelW = std::max(columnW * 0.3f, std::min(columnW * 0.45f, th.mm(60)));
    const size_t perColumn = (rows.size() + columns - 1) / columns;
    const auto rowH = [&](FontRole role, size_t i) {
        return std::max(paragraphHeight(ui, role, rows[i].second, columnW - labelW - th.gap),
                        paragraphHeight(ui, FontRole::Body, rows[i].first, labelW - th.gap)) + th.gap / 2;
    };
    const auto heightIn = [&](FontRole role) {
        float tallest = 0;
        for (int c = 0; c < columns; ++c) {
            float col = 0;
            for (size_t i = c * perColumn; i < std::min(rows.size(), (c + 1) * perColumn); ++i) col += rowH(role, i);
            tallest = std::max(tallest, col);
        }
        return tallest;
    };
    FontRole role = FontRole::Title;
    for (FontRole smaller : {FontRole::Strong, FontRole::Body})
        if (heightIn(role) + reserve > body.h) role = smaller;
    float bottom = body.y;
    for (int c = 0; c < columns; ++c) {
        const float x = body.x + c * (columnW + th.gap * 2);
        float y = body.y;
        for (size_t i = c * perColumn; i < std::min(rows.size(), (c + 1) * perColumn); ++i) {
            const float h = rowH(role, i);
            drawParagraph(ui, FontRole::Body, rows[i].first, {x, y, labelW - th.gap, 0}, th.colors.textMuted);
            drawParagraph(ui, role, rows[i].second, {x + labelW, y, columnW - labelW, 0}, th.colors.text);
            y += h;
        }
        bottom = std::max(bottom, y);
    }
    return bottom;
}

}  // namespace homedesk::ui
