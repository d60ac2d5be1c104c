// First start with a head office configured and no credential: the installer types the
// enrollment code (on-screen keys, or a keyboard / scanner wedge), the sync thread sends it, and
// the screen shows progress and, if the head office says no, why in plain words.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class EnrollScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;
};

// "ABCDE 23456": the code in two groups of five, as the head office prints it.
std::string groupedCode(const std::string& code);

}  // namespace homedesk::ui
