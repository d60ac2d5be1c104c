// The repair request, one question per step: category, where, urgency with the promised
// times, description by quick phrases, phone on a keypad (masked), time slot, read-back,
// receipt. The flow itself (kiosk/core/repair_flow) decides what comes next.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class RepairScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

private:
    void drawChoices(const Ui& ui, const KioskView& view, const RepairFlow& flow, Rect body) const;
    void drawEntry(const Ui& ui, const KioskView& view, const RepairFlow& flow, Rect body) const;
    void drawDescription(const Ui& ui, const KioskView& view, const RepairFlow& flow, Rect body) const;
    void drawConfirm(const Ui& ui, const KioskView& view, const RepairFlow& flow, Rect body) const;
    void drawReceipt(const Ui& ui, const KioskView& view, const RepairFlow& flow, Rect body) const;
};

// The question a step asks, as a catalog key.
const char* repairStepKey(RepairFlow::Step step);

}  // namespace homedesk::ui
