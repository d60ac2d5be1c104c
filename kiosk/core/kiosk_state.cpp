#include "kiosk/core/kiosk_state.hpp"

#include <algorithm>

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
        case ScreenId::Enroll: return "enroll";
        case ScreenId::Sync: return "sync";
    }
    return "unknown";
}

namespace {

// Closing a screen ends its flow: nothing half-filled outlives the screen.
void closeFlows(KioskState& s) {
    if (std::find(s.stack.begin(), s.stack.end(), ScreenId::Repair) == s.stack.end()) s.repair.reset();
    s.entry.clear();
}

struct Applier {
    KioskState& s;
    const ApplyContext& ctx;
    Change operator()(const intent::Open& o) {
        if (o.screen == ScreenId::Home) return (*this)(intent::Home{});
        if (o.screen == ScreenId::Enroll) return {};  // only ever the first screen, never opened
        if (s.screen() == o.screen) return {};
        s.stack.push_back(o.screen);
        if (o.screen == ScreenId::Repair && s.directory) s.repair.emplace(*s.directory);
        s.entry.clear();
        return {.screen = true};
    }
    Change operator()(const intent::Back&) {
        if (s.screen() == ScreenId::Repair && s.repair) {
            s.entry.clear();
            if (s.repair->back()) return {.screen = true};
        }
        if (s.atHome()) return {};
        s.stack.pop_back();
        closeFlows(s);
        return {.screen = true};
    }
    Change operator()(const intent::Home&) {
        if (s.atHome()) return {};
        s.stack.resize(1);
        closeFlows(s);
        return {.screen = true};
    }
    Change operator()(const intent::Key& k) {
        if (k.key == intent::Key::kBackspace) {
            if (!s.entry.empty()) s.entry.pop_back();
        } else if (s.entry.size() < 16 && ((k.key >= '0' && k.key <= '9') || k.key == '-')) {
            s.entry += k.key;
        }
        return {};
    }
    Change operator()(const intent::Repair& r) {
        if (!s.repair) return {};
        RepairFlow& f = *s.repair;
        using K = intent::Repair::Kind;
        FlowOutcome out;
        switch (r.kind) {
            case K::Category: out = f.chooseCategory(r.category); break;
            case K::GasContinue: out = f.continueAfterGasWarning(); break;
            case K::Home: out = f.chooseHome(); break;
            case K::PublicPlace: out = f.choosePublicPlace(); break;
            case K::Building: out = f.chooseBuilding(r.text); break;
            case K::Place: out = f.choosePlace(r.text); break;
            case K::Join: out = f.joinTicket(r.text); break;
            case K::FileNew: out = f.fileNew(); break;
            case K::Urgency: out = f.chooseUrgency(r.urgency); break;
            case K::Phrase: out = f.addPhrase(r.text); break;
            case K::FinishDescription: out = f.finishDescription(); break;
            case K::UnitDone: out = f.setUnit(s.entry); break;
            case K::PhoneDone: out = f.setPhone(s.entry); break;
            case K::Slot: out = f.chooseSlot(r.text); break;
            case K::Confirm: out = f.confirm(ctx.newClientId, ctx.now); break;
        }
        if (out.accepted() && (r.kind == K::UnitDone || r.kind == K::PhoneDone)) s.entry.clear();
        if (out.effect) s.effects.push_back(std::move(*out.effect));
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
    Change operator()(const intent::Enroll& e) {
        if (!s.enroll || s.screen() != ScreenId::Enroll) return {};
        using K = intent::Enroll::Kind;
        switch (e.kind) {
            case K::Type: s.enroll->type(e.text); break;
            case K::Backspace: s.enroll->backspace(); break;
            case K::Clear: s.enroll->clear(); break;
            case K::Submit:
                if (auto code = s.enroll->submit()) s.enrollRequest = std::move(*code);
                break;
        }
        return {.screen = true};
    }
};
}  // namespace

Change apply(KioskState& state, const Intent& intent, const ApplyContext& context) {
    return std::visit(Applier{state, context}, intent);
}

Change wipe(KioskState& state) {
    Change change;
    change.screen = !state.atHome();
    change.language = state.settings.language != state.defaults.language;
    change.largeText = state.settings.largeText != state.defaults.largeText;
    state.stack.assign(1, state.enroll ? ScreenId::Enroll : ScreenId::Home);
    if (state.enroll) state.enroll->clear();  // a half-typed code goes too (not while sending)
    state.settings = state.defaults;
    state.repair.reset();
    state.entry.clear();
    state.effects.clear();
    return change;
}

void requireEnrollment(KioskState& state) {
    state.enroll.emplace();
    state.enrollRequest.reset();
    state.stack.assign(1, ScreenId::Enroll);
}

Change enrollmentFinished(KioskState& state, bool enrolled, const std::string& errorKey) {
    if (!state.enroll) return {};
    if (!enrolled) {
        state.enroll->failed(errorKey);
        return {.screen = true};
    }
    state.enroll.reset();
    state.enrollRequest.reset();
    state.stack.assign(1, ScreenId::Home);
    return {.screen = true};
}

}  // namespace homedesk
