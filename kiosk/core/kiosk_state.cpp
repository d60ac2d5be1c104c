#include "kiosk/core/kiosk_state.hpp"

namespace homedesk {

std::string_view screenName(ScreenId id) {
    switch (id) {
        case ScreenId::Home: return "home";
        case ScreenId::Repair: return "repair";
        case ScreenId::Complaint: return "complaint";
        case ScreenId::Survey: return "survey";
        case ScreenId::Notices: return "notices";
        case ScreenId::Track: return "track";
        case ScreenId::Scan: return "scan";
    }
    return "unknown";
}

namespace {
struct Applier {
    KioskState& s;
    Change operator()(const intent::Open& o) {
        if (o.screen == ScreenId::Home) return (*this)(intent::Home{});
        if (s.screen() == o.screen) return {};
        s.stack.push_back(o.screen);
        return {.screen = true};
    }
    Change operator()(const intent::Back&) {
        if (s.atHome()) return {};
        s.stack.pop_back();
        return {.screen = true};
    }
    Change operator()(const intent::Home&) {
        if (s.atHome()) return {};
        s.stack.resize(1);
        return {.screen = true};
    }
    Change operator()(const intent::SetLanguage& l) {
        if (s.settings.language == l.language) return {};
        s.settings.language = l.language;
        return {.language = true};
    }
    Change operator()(const intent::ToggleLargeText&) {
        s.settings.largeText = !s.settings.largeText;
        return {.largeText = true};
    }
    Change operator()(const intent::ToggleReadAloud&) {
        s.settings.readAloud = !s.settings.readAloud;
        return {};
    }
    Change operator()(const intent::ContinueSession&) { return {}; }
};
}  // namespace

Change apply(KioskState& state, const Intent& intent) { return std::visit(Applier{state}, intent); }

Change wipe(KioskState& state) {
    Change change;
    change.screen = !state.atHome();
    change.language = state.settings.language != state.defaults.language;
    change.largeText = state.settings.largeText != state.defaults.largeText;
    state.stack.assign(1, ScreenId::Home);
    state.settings = state.defaults;
    return change;
}

}  // namespace homedesk
