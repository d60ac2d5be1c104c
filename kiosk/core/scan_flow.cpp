#include "kiosk/core/scan_flow.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace homedesk {

std::string_view stepName(ScanFlow::Step step) {
    switch (step) {
        case ScanFlow::Step::Aim: return "aim";
        case ScanFlow::Step::Result: return "result";
        case ScanFlow::Step::Refused: return "refused";
        case ScanFlow::Step::StaffPin: return "staff_pin";
        case ScanFlow::Step::Code: return "code";
    }
    return "aim";
}

std::string refusalKey(ScanRefusal refusal) { return std::string("scan.refused.") + scanRefusalName(refusal); }
std::string kindKey(ScanKind kind) { return std::string("scan.kind.") + scanKindName(kind); }

std::string_view ScanFlow::stepName() const { return homedesk::stepName(step()); }

void ScanFlow::scanned(ScanResult result) {
    // A new code replaces what is shown; Back from it returns to aiming, not to the old code.
    while (step() != Step::Aim && m_steps.back()) {}
    m_result = std::move(result);
    if (!m_result.ok()) {
        m_steps.go(Step::Refused);
        return;
    }
    m_steps.go(m_result.kind == ScanKind::StaffBadge ? Step::StaffPin : Step::Result);
}

void ScanFlow::sized(int side, int frameShortSide) {
    if (side <= 0 || frameShortSide <= 0) return;
    const double share = static_cast<double>(side) / frameShortSide;
    m_distance = share > 0.8 ? Distance::TooClose : share < 0.15 ? Distance::TooFar : Distance::Good;
}

void ScanFlow::openCode() {
    if (step() == Step::Aim) m_steps.go(Step::Code);
}

FlowOutcome ScanFlow::codeTyped(const std::string& digits) {
    if (step() != Step::Code) return m_steps.refuse("flow.wrong_step");
    const bool shape = digits.size() == 8 && std::all_of(digits.begin(), digits.end(), [](char c) {
                           return c >= '0' && c <= '9';
                       });
    if (!shape) return m_steps.refuse("scan.error.code");
    ScanResult r;
    r.kind = ScanKind::TicketReceipt;
    r.ticketCode = digits;
    m_result = r;
    return m_steps.go(Step::Result);
}

bool ScanFlow::pinTyped(const std::string& digits, TrackGuard& guard, std::int64_t now) {
    if (step() != Step::StaffPin) return false;
    if (guard.paused(now)) {
        m_steps.refuse("scan.error.pin_paused");
        return false;
    }
    if (!m_result.checkPin || !m_result.checkPin(digits)) {
        guard.miss(now);
        m_steps.refuse(guard.paused(now) ? "scan.error.pin_paused" : "scan.error.pin");
        return false;
    }
    guard.hit();
    m_steps.clearError();
    return true;
}

void ScanFlow::again() {
    while (step() != Step::Aim && m_steps.back()) {}
    m_result = ScanResult{};
    m_distance = Distance::Unknown;
}

EntrySpec ScanFlow::entrySpec() const {
    switch (step()) {
        case Step::Code: return {EntryMode::Digits, 8};
        case Step::StaffPin: return {EntryMode::Digits, kPinMax};
        default: return {};
    }
}

bool ScanFlow::back() {
    if (step() == Step::Aim) return false;
    again();
    return true;
}

std::string ScanFlow::announceKey() const {
    return std::string(stepName()) + lastError() + scanKindName(m_result.kind) + scanRefusalName(m_result.refusal);
}

void ScanFlow::report(nlohmann::json& out) const {
    out["scan_kind"] = scanKindName(m_result.kind);
    out["scan_refusal"] = scanRefusalName(m_result.refusal);
    out["scan_distance"] = static_cast<int>(m_distance);
}

}  // namespace homedesk
