// A screen fills the content area between the kiosk frame's header and its footer. The frame
// (header, Back/Home bar, footer) is drawn once, by KioskFrame; screens draw only content.
#pragma once

#include <string>

#include "kiosk/core/kiosk_view.hpp"
#include "kiosk/ui/ui.hpp"

namespace homedesk::ui {

class Screen {
public:
    virtual ~Screen() = default;
    virtual void drawContent(const Ui& ui, const KioskView& view, Rect content) const = 0;
    // What read-aloud says when the screen opens: its title and main text.
    virtual std::string summary(const Ui& ui, const KioskView& view) const = 0;
};

}  // namespace homedesk::ui
