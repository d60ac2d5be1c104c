// The link to the head office, opened from the footer's sync status: what waits on this terminal,
// since when, the last success and the last problem in plain words, the head office's address
// and this terminal's id. Reads the snapshot the app copied when the engine last woke it.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class SyncScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;
};

}  // namespace homedesk::ui
