// Home: a greeting and the six service tiles, two or three to a row by orientation.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class HomeScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;
};

}  // namespace homedesk::ui
