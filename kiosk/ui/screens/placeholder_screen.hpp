// A service that this build of the terminal does not offer yet says so plainly and tells the
// resident where to get help; the frame's Back and Home bar leads out.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class PlaceholderScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;
};

// The catalog key of a screen's title (the Home tile's words).
const char* screenTitleKey(ScreenId id);

}  // namespace homedesk::ui
