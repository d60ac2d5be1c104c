// The per-frame drawing context every screen receives: theme, words, fonts, the widget
// registry the automation driver reads, and the sink for intents. Owned by the app; screens
// keep no state of their own between frames.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/theme.hpp"
#include "kiosk/ui/font_atlas.hpp"

namespace homedesk::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

struct WidgetInfo {
    std::string id;  // stable across frames and languages: "home.tile.repair"
    Rect rect;
    std::string label;
};

// Every tappable widget drawn this frame, for tests and the script driver.
class WidgetRegistry {
public:
    void beginFrame() { m_widgets.clear(); }
    void add(std::string_view id, Rect rect, std::string_view label) {
        m_widgets.push_back({std::string(id), rect, std::string(label)});
    }
    const std::vector<WidgetInfo>& widgets() const { return m_widgets; }
    const WidgetInfo* find(std::string_view id) const {
        for (const auto& w : m_widgets)
            if (w.id == id) return &w;
        return nullptr;
    }

private:
    std::vector<WidgetInfo> m_widgets;
};

struct Ui {
    const Theme& theme;
    const Catalog& catalog;
    FontAtlas& fonts;
    WidgetRegistry& widgets;
    std::vector<Intent>& intents;
    std::vector<std::string>& tapped;  // labels of the widgets tapped this frame (read-aloud)

    const std::string& t(std::string_view key) const { return catalog.text(key); }
    void emit(Intent intent) const { intents.push_back(intent); }
};

}  // namespace homedesk::ui
