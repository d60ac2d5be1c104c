// The complaint & suggestion screens, one question per step: category tiles, description by
// quick phrases (and typed text), front desk or general manager, named or anonymous, phone on a
// keypad (masked), read-back in large type, receipt with tracking code and QR. The flow
// (kiosk/core/complaint_flow) decides what comes next.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class ComplaintScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

private:
    void drawDescription(const Ui& ui, const KioskView& view, const ComplaintFlow& flow, Rect body) const;
    void drawPhone(const Ui& ui, const KioskView& view, Rect body) const;
    void drawConfirm(const Ui& ui, const ComplaintFlow& flow, Rect body) const;
    void drawReceipt(const Ui& ui, const KioskView& view, const ComplaintFlow& flow, Rect body) const;
};

const char* complaintStepKey(ComplaintFlow::Step step);

}  // namespace homedesk::ui
