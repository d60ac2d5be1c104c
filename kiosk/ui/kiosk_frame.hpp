// The frame around every screen: header (community, date, time), content, Back/Home on every
// screen but Home (in the header on wide screens, in a bar above the footer on tall ones),
// footer (large text, language, read-aloud, steward, service line, sync status), and the
// "still there?" prompt over everything when the session is about to end.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "kiosk/ui/screens/complaint_screen.hpp"
#include "kiosk/ui/screens/enroll_screen.hpp"
#include "kiosk/ui/screens/guide_screen.hpp"
#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/notices_screen.hpp"
#include "kiosk/ui/screens/placeholder_screen.hpp"
#include "kiosk/ui/screens/repair_screen.hpp"
#include "kiosk/ui/screens/scan_screen.hpp"
#include "kiosk/ui/screens/survey_screen.hpp"
#include "kiosk/ui/screens/sync_screen.hpp"
#include "kiosk/ui/screens/track_screen.hpp"
#include "kiosk/ui/widgets.hpp"

namespace homedesk::ui {

class KioskFrame {
public:
    void draw(const Ui& ui, const KioskView& view, float width, float height) const;
    // What read-aloud says for what is in front of the resident now (the prompt, or the screen).
    std::string summary(const Ui& ui, const KioskView& view) const;

private:
    float drawHeader(const Ui& ui, const KioskView& view, float width) const;
    struct FooterLayout;
    FooterLayout layoutFooter(const Ui& ui, const KioskView& view, float width) const;
    void drawFooter(const Ui& ui, const KioskView& view, const FooterLayout& footer, float top,
                    float width) const;
    void drawNavBar(const Ui& ui, Rect area, ButtonStyle homeStyle) const;
    // Where Back and Home fit in the header (wide screens), or nothing.
    std::optional<Rect> navBarInHeader(const Ui& ui, const KioskView& view, float width, float headerH) const;
    void drawIdlePrompt(const Ui& ui, const KioskView& view, float width, float height) const;
    float drawEmergencyBanner(const Ui& ui, const KioskView& view, float top, float width) const;
    void drawIdleShow(const Ui& ui, const KioskView& view, float width, float height) const;
    const Screen& screenFor(ScreenId id) const;

    HomeScreen m_home;
    PlaceholderScreen m_placeholder;
    RepairScreen m_repair;
    ComplaintScreen m_complaint;
    SurveyScreen m_survey;
    EnrollScreen m_enroll;
    SyncScreen m_sync;
    NoticesScreen m_notices;
    TrackScreen m_track;
    ScanScreen m_scan;
    GuideScreen m_guide;
};

}  // namespace homedesk::ui
