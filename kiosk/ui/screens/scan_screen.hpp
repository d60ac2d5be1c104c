// 扫码服务: the camera's preview inside a guide frame (with "move it back / closer"), the keypad
// for a tracking code, the result in large type with what it leads to, a refusal in plain
// words, and the staff PIN pad after a badge.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class ScanScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

private:
    void drawAim(const Ui& ui, const KioskView& view, const ScanFlow& flow, Rect body) const;
    void drawResult(const Ui& ui, const KioskView& view, const ScanFlow& flow, Rect body) const;
    void drawDigits(const Ui& ui, const KioskView& view, const ScanFlow& flow, Rect body) const;
};

}  // namespace homedesk::ui
