// Track my request: the number on a keypad (dash allowed), the phone's last four digits
// (masked), then the timeline with times and promises, or "not found" with a quick retry.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class TrackScreen final : public Screen {
  public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

  private:
    void drawEntry(const Ui& ui, const KioskView& view, const TrackFlow& flow, Rect body,
                   const Rect* padBeside) const;
    void drawTimeline(const Ui& ui, const KioskView& view, const TicketRecord& ticket,
                      Rect body) const;
    void drawNotFound(const Ui& ui, const KioskView& view, const TrackFlow& flow, Rect body) const;
};

const char* trackStepKey(TrackFlow::Step step);

}  // namespace homedesk::ui
