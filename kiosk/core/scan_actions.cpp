// What each kind of scanned code does to the terminal's state: the scan screen's intents.
#include <algorithm>

#include "kiosk/core/kiosk_state.hpp"

namespace homedesk {
namespace {

// Leaves the scan screen (and its flow) so the next screen opens where Scan was.
void closeScan(KioskState& s) {
    if (s.screen() != ScreenId::Scan) return;
    s.flows.erase(ScreenId::Scan);
    s.stack.pop_back();
    s.entry.clear();
    s.entryError.clear();
}

Change repairAt(KioskState& s, const ApplyContext& ctx, TicketLocation where) {
    closeScan(s);
    Change c = apply(s, intent::Open{ScreenId::Repair}, ctx);
    if (RepairFlow* f = s.flow<RepairFlow>()) f->presetWhere(std::move(where));
    return c;
}

Change act(KioskState& s, ScanFlow& f, const ApplyContext& ctx) {
    const ScanResult r = f.result();
    switch (r.kind) {
        case ScanKind::TicketReceipt:
            closeScan(s);
            return apply(s, intent::Track{intent::Track::Kind::Start, r.ticketCode}, ctx);
        case ScanKind::HouseholdCard:
            return repairAt(s, ctx, {TicketLocation::Kind::Home, r.building, r.unit, ""});
        case ScanKind::LocationSticker:
            return repairAt(s, ctx, {TicketLocation::Kind::PublicPlace, r.building, "", r.place});
        case ScanKind::SurveyInvitation: {
            closeScan(s);
            std::optional<std::string> ticket;
            if (!r.ticket.empty()) ticket = r.ticket;
            return apply(s, intent::StartSurvey{r.surveyId, ticket}, ctx);
        }
        case ScanKind::StaffBadge:     // opens through the PIN pad, not from here
        case ScanKind::EnrollmentCode:  // enrolled already (read on the Enroll screen otherwise)
        case ScanKind::Refused: return {};
    }
    return {};
}

}  // namespace

Change applyScan(KioskState& s, const intent::Scan& v, const ApplyContext& ctx) {
    using K = intent::Scan::Kind;
    if (v.kind == K::Read && s.screen() == ScreenId::Enroll && s.enroll) {
        // First start: an enrollment code fills the form's field; the installer sends it.
        if (v.result.kind != ScanKind::EnrollmentCode) return {};
        s.entry = v.result.enrollCode;
        s.entryError.clear();
        return {.screen = true};
    }
    if (v.kind == K::Read && s.screen() != ScreenId::Scan) {
        // A scanner wedge on another screen: the code is shown on the scan screen.
        if (s.enroll) return {};
        apply(s, intent::Open{ScreenId::Scan}, ctx);
    }
    ScanFlow* f = s.flow<ScanFlow>();
    if (!f || s.screen() != ScreenId::Scan) return {};
    switch (v.kind) {
        case K::Read: {
            ScanResult result = v.result;
            if (result.kind == ScanKind::EnrollmentCode) {  // this terminal is enrolled already
                result = ScanResult{};
                result.refusal = ScanRefusal::NotOurs;
            }
            f->scanned(std::move(result));
            f->sized(v.side, v.frameShortSide);
            s.entry.clear();
            break;
        }
        case K::Sized: f->sized(v.side, v.frameShortSide); return {};
        case K::Act: return act(s, *f, ctx);
        case K::Again: f->again(); break;
        case K::Keypad: f->openCode(); break;
        case K::CodeDone:
            if (f->codeTyped(s.entry).accepted()) return act(s, *f, ctx);
            break;
        case K::PinDone: {
            const bool opened = f->pinTyped(s.entry, s.pinGuard, ctx.now);
            s.entry.clear();
            if (!opened) break;
            closeScan(s);
            return apply(s, intent::Open{ScreenId::Sync}, ctx);
        }
    }
    return {.screen = true};
}

}  // namespace homedesk
