#include "kiosk/core/kiosk_state.hpp"

#include <algorithm>

#include "kiosk/core/flow_registry.hpp"
#include "kiosk/core/typed_text.hpp"

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
        case ScreenId::Guide: return "guide";
    }
    return "unknown";
}

Flow* KioskState::flowAt(ScreenId id) const {
    auto it = flows.find(id);
    return it == flows.end() ? nullptr : it->second.get();
}

std::vector<Flow*> KioskState::openFlows() const {
    std::vector<Flow*> open;
    for (ScreenId id : stack)
        if (Flow* f = flowAt(id)) open.push_back(f);
    return open;
}

namespace {

void clearEntry(KioskState& s) {
    s.entry.clear();
    s.entryError.clear();
    s.entryShift = false;
    s.entryKeyboard = false;
}

// Coming (back) to a step with a text field puts what the draft holds there, to type on.
void refillEntry(KioskState& s) {
    if (!s.entry.empty()) return;
    if (const Flow* f = s.currentFlow())
        if (auto text = f->draftText()) s.entry = std::move(*text);
}

// Opens `screen`'s flow afresh (a flow already open there is replaced) and asks for its I/O.
void startFlow(KioskState& s, ScreenId screen, std::unique_ptr<Flow> flow) {
    s.flows.erase(screen);
    if (!flow) return;
    for (Effect& e : flow->start()) s.effects.push_back(std::move(e));
    s.flows.emplace(screen, std::move(flow));
}

// Closing a screen ends its flow: nothing half-filled outlives the screen.
void closeFlows(KioskState& s) {
    std::erase_if(s.flows, [&](const auto& open) {
        return std::find(s.stack.begin(), s.stack.end(), open.first) == s.stack.end();
    });
    clearEntry(s);
}

struct Applier {
    KioskState& s;
    const ApplyContext& ctx;
    Change operator()(const intent::Open& o) {
        if (o.screen == ScreenId::Home) return (*this)(intent::Home{});
        if (o.screen == ScreenId::Enroll) return {};  // only ever the first screen, never opened
        if (s.screen() == o.screen) return {};
        s.stack.push_back(o.screen);
        startFlow(s, o.screen, makeFlow(o.screen, s.directory));
        if (o.screen == ScreenId::Guide) s.guideSection = 0;
        // The Sync screen is a look at the footer's status from anywhere: what was being typed
        // below it waits for Back.
        if (o.screen != ScreenId::Sync) clearEntry(s);
        return {.screen = true};
    }
    Change operator()(const intent::Back&) {
        if (Flow* f = s.currentFlow()) {
            // Text typed but not yet taken goes into the draft first: Back loses nothing.
            f->keepTyped(s.entry);
            if (f->back()) {
                clearEntry(s);
                refillEntry(s);
                return {.screen = true};
            }
        }
        if (s.atHome()) return {};
        const bool fromSync = s.screen() == ScreenId::Sync;
        s.stack.pop_back();
        if (!fromSync) closeFlows(s);
        return {.screen = true};
    }
    Change operator()(const intent::Home&) {
        if (s.atHome()) return {};
        s.stack.resize(1);
        closeFlows(s);
        return {.screen = true};
    }
    Change operator()(const intent::Key& k) {
        if (k.key == intent::Key::kShift) {
            s.entryShift = !s.entryShift;
            return {};
        }
        if (k.key == intent::Key::kKeyboard) {
            s.entryKeyboard = !s.entryKeyboard;
            return {};
        }
        if (enrollBusy()) return {};
        if (k.key == intent::Key::kClear) {
            s.entry.clear();
            s.entryError.clear();
            return {};
        }
        if (k.key == intent::Key::kBackspace) {
            eraseLast(s.entry);
            s.entryError.clear();
            return {};
        }
        return (*this)(intent::Type{std::string(1, k.key)});
    }
    Change operator()(const intent::Compose&) { return {}; }  // the app's input methods take it
    Change operator()(const intent::SetInputMethod& m) {
        s.inputMethod = m.kind;
        s.entryError.clear();
        return {};
    }
    Change operator()(const intent::Type& t) {
        if (enrollBusy()) return {};
        s.entryError = typeInto(s.entry, t.text, entrySpec(s));
        return {};
    }
    Change operator()(const intent::Repair& r) {
        if (!s.flow<RepairFlow>()) return {};
        RepairFlow& f = *s.flow<RepairFlow>();
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
            case K::Phrase: return typePhrase(r.text);
            case K::FinishDescription:
                out = f.setDescription(s.entry);
                if (out.accepted()) out = f.finishDescription();
                break;
            case K::UnitDone: out = f.setUnit(s.entry); break;
            case K::PhoneDone: out = f.setPhone(s.entry); break;
            case K::Slot: out = f.chooseSlot(r.text); break;
            case K::Confirm: out = f.confirm(ctx.newClientId, ctx.now); break;
        }
        if (out.accepted() && (r.kind == K::UnitDone || r.kind == K::PhoneDone || r.kind == K::FinishDescription))
            clearEntry(s);
        // The description is typed into the field; coming to that step (or back to it) puts
        // what the draft holds there.
        refillEntry(s);
        if (out.effect) s.effects.push_back(std::move(*out.effect));
        return {.screen = true};
    }
    Change operator()(const intent::Notices& n) {
        using K = intent::Notices::Kind;
        const std::vector<Notice> current = currentNotices(s.notices, ctx.now);
        if (n.kind == K::OpenEmergency) {
            const Notice* e = activeEmergency(s.notices, ctx.now);
            if (!e) return {};
            const std::string id = e->id;
            if (s.screen() != ScreenId::Notices) (*this)(intent::Open{ScreenId::Notices});
            if (!s.flow<NoticesFlow>()) startFlow(s, ScreenId::Notices, std::make_unique<NoticesFlow>());
            if (auto record = s.flow<NoticesFlow>()->open(current, id)) s.effects.push_back(*record);
            return {.screen = true};
        }
        if (!s.flow<NoticesFlow>()) return {};
        NoticesFlow& f = *s.flow<NoticesFlow>();
        switch (n.kind) {
            case K::Filter: f.setFilter(n.category); break;
            case K::AllCategories: f.setFilter(std::nullopt); break;
            case K::Open:
                if (auto record = f.open(current, n.id)) s.effects.push_back(*record);
                break;
            case K::PageUp: f.pageUp(); break;
            case K::PageDown: f.pageDown(n.pages); break;
            case K::OpenEmergency: break;
        }
        return {.screen = true};
    }
    Change operator()(const intent::Track& t) {
        if (t.kind == intent::Track::Kind::Start) {
            (*this)(intent::Open{ScreenId::Track});
            if (!s.flow<TrackFlow>()) startFlow(s, ScreenId::Track, std::make_unique<TrackFlow>());
            s.flow<TrackFlow>()->setNumber(t.text);
            s.entry = s.flow<TrackFlow>()->prefill();
            return {.screen = true};
        }
        if (!s.flow<TrackFlow>()) return {};
        TrackFlow& f = *s.flow<TrackFlow>();
        using K = intent::Track::Kind;
        switch (t.kind) {
            case K::NumberDone: f.setNumber(s.entry); break;
            case K::Last4Done:
                if (auto find = f.setLast4(s.entry, s.trackGuard, ctx.now)) s.effects.push_back(std::move(*find));
                break;
            case K::RetryLast4: f.retryLast4(); break;
            case K::ChangeNumber: f.changeNumber(); break;
            case K::Start: break;
        }
        if (f.lastError().empty()) {
            clearEntry(s);
            s.entry = f.prefill();
        }
        return {.screen = true};
    }
    Change operator()(const intent::Scan& v) { return applyScan(s, v, ctx); }
    Change operator()(const intent::Wake&) {
        s.idleShow.stop();
        if (s.atHome()) return {.screen = true};
        return (*this)(intent::Home{});
    }
    Change operator()(const intent::GuideSection& g) {
        s.guideSection = std::max(0, g.section);
        return {.screen = true};
    }
    // A quick phrase is typed into the description, after a comma when something is there.
    // A phrase that does not fit whole is not added at all.
    Change typePhrase(const std::string& phrase) {
        const std::string typed = phraseSeparator(s.entry, phrase) + phrase;
        const EntrySpec spec = entrySpec(s);
        if (charCount(s.entry) + charCount(typed) > spec.maxChars) {
            s.entryError = "entry.error.too_long";
            return {};
        }
        s.entryError = typeInto(s.entry, typed, spec);
        return {};
    }
    Change operator()(const intent::Complaint& c) {
        if (!s.flow<ComplaintFlow>() || s.screen() != ScreenId::Complaint) return {};
        ComplaintFlow& f = *s.flow<ComplaintFlow>();
        using K = intent::Complaint::Kind;
        FlowOutcome out;
        switch (c.kind) {
            case K::Category: out = f.chooseCategory(c.category); break;
            case K::Phrase: return typePhrase(c.text);
            case K::FinishDescription:
                out = f.setDescription(s.entry);
                if (out.accepted()) out = f.finishDescription();
                break;
            case K::Route: out = f.chooseRoute(c.yes); break;
            case K::Identity: out = f.chooseAnonymous(c.yes); break;
            case K::PhoneDone: out = f.setPhone(s.entry); break;
            case K::Confirm: out = f.confirm(ctx.newClientId, ctx.now); break;
        }
        if (out.accepted() && (c.kind == K::PhoneDone || c.kind == K::FinishDescription)) clearEntry(s);
        if (c.kind == K::Identity && c.yes) clearEntry(s);  // anonymous: no phone kept anywhere
        refillEntry(s);
        if (out.effect) s.effects.push_back(std::move(*out.effect));
        return {.screen = true};
    }
    Change operator()(const intent::Survey& v) {
        if (!s.flow<SurveyFlow>() || s.screen() != ScreenId::Survey) return {};
        SurveyFlow& f = *s.flow<SurveyFlow>();
        using K = intent::Survey::Kind;
        FlowOutcome out;
        switch (v.kind) {
            case K::Rate: out = f.rate(v.score); break;
            case K::FollowUp: out = f.chooseFollowUp(v.text); break;
            case K::FinishSuggestion:
                out = f.setSuggestion(s.entry);
                if (out.accepted()) out = f.finishSuggestion();
                if (out.accepted()) clearEntry(s);
                break;
            case K::Submit: out = f.submit(ctx.newClientId, ctx.now); break;
        }
        refillEntry(s);
        if (out.effect) s.effects.push_back(std::move(*out.effect));
        return {.screen = true};
    }
    Change operator()(const intent::StartSurvey& v) {
        // A new survey replaces one in progress: the callback is a different questionnaire.
        if (s.screen() != ScreenId::Survey) s.stack.push_back(ScreenId::Survey);
        const std::string id = v.surveyId.empty() ? std::string(kStandingSurveyId) : v.surveyId;
        startFlow(s, ScreenId::Survey,
                  std::make_unique<SurveyFlow>(id, v.ticketNumber, v.trackingCode));
        clearEntry(s);
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
    Change operator()(const intent::Enroll&) {
        if (!s.enroll || s.screen() != ScreenId::Enroll) return {};
        if (auto code = s.enroll->submit(s.entry)) s.enrollRequest = std::move(*code);
        return {.screen = true};
    }
    // The enrollment code stays as it is while the head office is asked; typing again clears
    // the last refusal.
    bool enrollBusy() {
        if (s.screen() != ScreenId::Enroll || !s.enroll) return false;
        if (s.enroll->working()) return true;
        s.enroll->edited();
        return false;
    }
};
}  // namespace

EntrySpec entrySpec(const KioskState& s) {
    if (s.screen() == ScreenId::Enroll && s.enroll) return {EntryMode::Code, EnrollForm::kMaxTyped};
    if (const Flow* f = s.currentFlow()) return f->entrySpec();
    return {};
}

Change apply(KioskState& state, const Intent& intent, const ApplyContext& context) {
    return std::visit(Applier{state, context}, intent);
}

Change wipe(KioskState& state) {
    Change change;
    change.screen = !state.atHome();
    change.language = state.settings.language != state.defaults.language;
    change.largeText = state.settings.largeText != state.defaults.largeText;
    state.stack.assign(1, state.enroll ? ScreenId::Enroll : ScreenId::Home);
    if (state.enroll) state.enroll->edited();  // a half-typed code goes (not one being sent)
    state.settings = state.defaults;
    state.flows.clear();
    state.guideSection = 0;
    state.idleShow.stop();
    clearEntry(state);
    state.inputMethod = InputMethodKind::Phrases;  // the choice lasts one session
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
    clearEntry(state);
    state.stack.assign(1, ScreenId::Home);
    return {.screen = true};
}

void noticesLoaded(KioskState& state, std::vector<Notice> notices, std::int64_t now) {
    state.notices = std::move(notices);
    if (auto* flow = state.flow<NoticesFlow>()) flow->noticesChanged(currentNotices(state.notices, now));
}

Change updateIdleShow(KioskState& state, std::int64_t nowMs, std::int64_t now) {
    const bool was = state.idleShow.showing();
    const std::string before = state.idleShow.noticeId();
    for (auto& record : state.idleShow.update(nowMs, currentNotices(state.notices, now))) state.effects.push_back(std::move(record));
    return {.screen = was != state.idleShow.showing() || before != state.idleShow.noticeId()};
}

}  // namespace homedesk
