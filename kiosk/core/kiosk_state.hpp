// What the terminal shows and how the resident has set it up, and the intents that change it.
// Screens read this state and emit intents; only apply() changes it.
#pragma once

#include <map>
#include <memory>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/directory.hpp"
#include "kiosk/core/enroll_form.hpp"
#include "kiosk/core/complaint_flow.hpp"
#include "kiosk/core/flow.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/notices_flow.hpp"
#include "kiosk/core/repair_flow.hpp"
#include "kiosk/core/scan_flow.hpp"
#include "kiosk/core/screen_id.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "kiosk/core/text_entry.hpp"
#include "kiosk/core/text_input.hpp"
#include "kiosk/core/track_flow.hpp"

namespace homedesk {

// The six Home tiles, in order.
inline constexpr ScreenId kHomeTiles[] = {ScreenId::Repair, ScreenId::Complaint, ScreenId::Survey,
                                          ScreenId::Notices, ScreenId::Track, ScreenId::Scan};

struct Settings {
    Language language = Language::Chinese;
    bool largeText = false;
    bool readAloud = false;
    bool operator==(const Settings&) const = default;
};

struct KioskState {
    std::vector<ScreenId> stack{ScreenId::Home};  // never empty; Home at the bottom
    Settings settings;
    Settings defaults;  // what a wipe returns to (from configuration)
    const Directory* directory = nullptr;  // the community; owned by the app

    // The open flows: one for each screen on the stack that has one (flow_registry.cpp),
    // alive while its screen is open.
    std::map<ScreenId, std::unique_ptr<Flow>> flows;
    std::string entry;                 // what is typed into the field on screen, not yet accepted
    std::string entryError;            // catalog key: why the last keys were refused ("" if not)
    bool entryShift = false;           // the on-screen keyboard shows capitals
    bool entryKeyboard = false;        // where phrases and keyboard take turns: the keyboard shows
    InputMethodKind inputMethod = InputMethodKind::Phrases;  // the session's choice (text_input.hpp)
    std::vector<Effect> effects;       // I/O the flows asked for; the app runs and clears them

    // First start with a head office and no credential: the enrollment form, at the bottom of
    // the stack instead of Home. The app takes `enrollRequest` and sends it on the sync thread.
    std::optional<EnrollForm> enroll;
    std::optional<std::string> enrollRequest;
    // Notices, track, service guide.
    std::vector<Notice> notices;             // every notice the store holds, as last loaded
    TrackGuard trackGuard;                   // the terminal's, not the session's: survives a wipe
    TrackGuard pinGuard;                     // staff PINs after a badge scan: the same pauses
    IdleShow idleShow;                       // attract loop / emergency takeover while unused
    int guideSection = 0;

    ScreenId screen() const { return stack.back(); }
    bool atHome() const { return stack.size() == 1; }

    // A flow by its type (F::kScreen says where it lives); null when its screen is not open.
    template <typename F>
    F* flow() {
        return dynamic_cast<F*>(flowAt(F::kScreen));
    }
    template <typename F>
    const F* flow() const {
        return dynamic_cast<const F*>(flowAt(F::kScreen));
    }
    Flow* flowAt(ScreenId screen) const;
    Flow* currentFlow() const { return flowAt(screen()); }
    // The open flows from the bottom of the stack to the top (the last is the one in front).
    std::vector<Flow*> openFlows() const;
};

namespace intent {
struct Open {
    ScreenId screen;
};
struct Back {};
struct Home {};
struct SetLanguage {
    Language language;
};
struct ToggleLargeText {};
struct ToggleReadAloud {};
struct ContinueSession {};  // "still there?" answered
struct Key {
    char key;  // a character of the on-screen keypad or keyboard, kBackspace, kShift or kKeyboard
    static constexpr char kBackspace = '\b';
    static constexpr char kShift = '\x0f';
    static constexpr char kKeyboard = '\x0e';  // switch between quick phrases and the keyboard
    static constexpr char kClear = '\x10';     // empty the field
};
// Text from a physical keyboard or scanner wedge, or a key of the on-screen keyboard (UTF-8;
// anything may arrive here, the field on screen decides what it takes).
struct Type {
    std::string text;
};
// One answer in the repair flow; which fields count depends on the kind.
struct Repair {
    enum class Kind {
        Category, GasContinue, Home, PublicPlace, Building, Place, Join, FileNew, Urgency,
        Phrase, FinishDescription, UnitDone, PhoneDone, Slot, Confirm
    } kind;
    std::string text;
    RepairCategory category = RepairCategory::Other;
    Urgency urgency = Urgency::Normal;
};
// One answer in the complaint flow.
struct Complaint {
    enum class Kind { Category, Phrase, FinishDescription, Route, Identity, PhoneDone, Confirm } kind;
    std::string text;
    ComplaintCategory category = ComplaintCategory::Other;
    bool yes = false;  // Route: to the general manager; Identity: anonymous
};
// One answer in the survey flow.
struct Survey {
    enum class Kind { Rate, FollowUp, FinishSuggestion, Submit } kind;
    std::string text;  // FollowUp: the choice id
    int score = 0;
};
// Opens a survey: the standing one, or a callback (回访) for a resolved ticket. For Track and a
// scanned invitation; the Home tile opens the standing survey with no ticket.
struct StartSurvey {
    std::string surveyId;
    std::optional<std::string> ticketNumber;
    std::optional<std::string> trackingCode;  // the callback's proof (survey.hpp)
};
// The enrollment form: send the code typed into its field.
struct Enroll {};
// Notices screen: chips, a notice's detail, its pages; the emergency banner opens its notice.
struct Notices {
    enum class Kind { Filter, AllCategories, Open, PageUp, PageDown, OpenEmergency } kind;
    std::string id;
    NoticeCategory category = NoticeCategory::General;
    int pages = 1;  // PageDown: how many pages the screen laid out
};
struct Track {
    // Start: open Track with `text` as the number (the receipt's "follow this request").
    enum class Kind { NumberDone, Last4Done, RetryLast4, ChangeNumber, Start } kind;
    std::string text;
};
// The scan screen (scan_actions.cpp). Read: a code read and classified (by the camera or a
// scanner wedge, on any screen: it opens Scan); the rest are the screen's buttons.
struct Scan {
    enum class Kind { Read, Sized, Act, Again, Keypad, CodeDone, PinDone } kind;
    ScanResult result;
    int side = 0;            // Read, Sized: the code's side in the frame, in pixels
    int frameShortSide = 0;  // and the frame's shorter side
};
struct Wake {};  // a touch on the attract loop or the takeover: Home, nothing else
struct GuideSection {
    int section = 0;
};
}  // namespace intent

using Intent = std::variant<intent::Open, intent::Back, intent::Home, intent::SetLanguage,
                            intent::ToggleLargeText, intent::ToggleReadAloud,
                            intent::ContinueSession, intent::Key, intent::Type, intent::Repair,
                            intent::Notices, intent::Track, intent::Wake, intent::GuideSection,
                            intent::Complaint, intent::Survey, intent::StartSurvey, intent::Enroll,
                            intent::Scan, intent::Compose, intent::SetInputMethod>;

// What the app supplies to apply(): the time, and a fresh client id should a submission need one.
struct ApplyContext {
    std::int64_t now = 0;
    std::string newClientId;
};

struct Change;
// The scan screen's intents: what each kind of code does (kiosk/core/scan_actions.cpp).
Change applyScan(KioskState& state, const intent::Scan& scan, const ApplyContext& context);

// What an intent changed, so the app knows whether fonts or layout must be rebuilt.
struct Change {
    bool screen = false;
    bool language = false;
    bool largeText = false;
    bool any() const { return screen || language || largeText; }
};

// What the field on the current screen and step accepts (EntryMode::None when there is none).
EntrySpec entrySpec(const KioskState& state);

Change apply(KioskState& state, const Intent& intent, const ApplyContext& context = {});

// The idle wipe: Home, default settings. Everything a resident left is gone.
Change wipe(KioskState& state);

// Enrollment: shown instead of Home until the terminal holds a credential. Once it does, the
// form is gone and nothing opens it again (residents cannot reach it).
void requireEnrollment(KioskState& state);
Change enrollmentFinished(KioskState& state, bool enrolled, const std::string& errorKey);
// The store's notices (at start and whenever new data arrived); a detail whose notice is gone closes.
void noticesLoaded(KioskState& state, std::vector<Notice> notices, std::int64_t now);
// While nobody uses the terminal: start or advance the attract loop / takeover; display records
// go to state.effects. `nowMs` is monotonic, `now` wall seconds.
Change updateIdleShow(KioskState& state, std::int64_t nowMs, std::int64_t now);

}  // namespace homedesk
