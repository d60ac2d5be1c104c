// The service guide (服务指南): building stewards with their phones, service hours, fee items,
// the service promises (the SLA table) and emergency numbers, one section at a time.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class GuideScreen final : public Screen {
public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;
};

inline constexpr const char* kGuideSections[] = {"stewards", "hours", "fees", "promises", "emergency"};

}  // namespace homedesk::ui
