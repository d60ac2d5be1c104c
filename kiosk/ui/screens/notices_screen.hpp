// Notices: category chips and the current notices (emergency and pinned first), and a notice's
// detail in large text, paged by big Up/Down buttons. The flow (kiosk/core/notices_flow) decides.
#pragma once

#include "kiosk/ui/screen.hpp"

namespace homedesk::ui {

class NoticesScreen final : public Screen {
  public:
    void drawContent(const Ui& ui, const KioskView& view, Rect content) const override;
    std::string summary(const Ui& ui, const KioskView& view) const override;

  private:
    void drawList(const Ui& ui, const KioskView& view, const NoticesFlow& flow, Rect content) const;
    void drawDetail(const Ui& ui, const KioskView& view, const Notice& notice, int page,
                    Rect content) const;
};

// "停水停电 · 11月23日 08:00 发布 · 有效至 11月25日 18:00": what the list and the detail show under
// a title.
std::string noticeMeta(const Ui& ui, const KioskView& view, const Notice& notice);
// "【紧急】" / "Emergency: " before an emergency notice's title, "【置顶】" before a pinned one.
std::string noticeTitle(const Ui& ui, const KioskView& view, const Notice& notice);

}  // namespace homedesk::ui
