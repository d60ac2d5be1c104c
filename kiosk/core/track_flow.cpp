#include "kiosk/core/track_flow.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kiosk/core/utf8.hpp"

namespace homedesk {

std::string_view TrackFlow::stepName() const { return homedesk::stepName(m_step); }

// The number from the keypad (digits, dash) or a keyboard wedge (R-000123), then 4 digits.
EntrySpec TrackFlow::entrySpec() const {
    if (m_step == Step::Number) return {EntryMode::Code, kMaxNumber};
    if (m_step == Step::Last4) return {EntryMode::Digits, 4};
    return {};
}

void TrackFlow::report(nlohmann::json& out) const {
    if (m_ticket) out["track_status"] = std::string(toString(m_ticket->status));
}

std::string_view stepName(TrackFlow::Step step) {
    switch (step) {
        case TrackFlow::Step::Number: return "number";
        case TrackFlow::Step::Last4: return "last4";
        case TrackFlow::Step::Searching: return "searching";
        case TrackFlow::Step::Found: return "timeline";
        case TrackFlow::Step::NotFound: return "not_found";
        case TrackFlow::Step::Paused: return "paused";
    }
    return "unknown";
}

void TrackGuard::miss(std::int64_t now) {
    ++m_misses;
    if (m_misses < kMissesBeforePause || m_misses % kMissesBeforePause != 0) return;
    const int round = std::min(4, m_misses / kMissesBeforePause - 1);  // 1, 2, 4, 8, 15 minutes
    m_pausedUntil = now + std::min<std::int64_t>(15 * 60, kPauseSeconds << round);
}

std::vector<TimelineStage> buildTimeline(const TicketRecord& t, std::int64_t now) {
    constexpr TicketStatus kOrder[] = {TicketStatus::Submitted,  TicketStatus::Accepted, TicketStatus::Dispatched,
                                       TicketStatus::InProgress, TicketStatus::Resolved, TicketStatus::CallbackDone};
    const auto rank = [&](TicketStatus s) { return static_cast<int>(std::find(std::begin(kOrder), std::end(kOrder), s) - kOrder); };
    int latest = rank(t.status);
    for (const auto& e : t.history) latest = std::max(latest, rank(e.status));
    std::vector<TimelineStage> out;
    for (TicketStatus s : kOrder) {
        TimelineStage stage;
        stage.status = s;
        stage.reached = rank(s) <= latest;
        for (const auto& e : t.history)
            if (e.status == s) {
                if (!stage.at) stage.at = e.at;  // the first time it got there
                if (!e.note.empty()) stage.note = e.note;
            }
        if (s == TicketStatus::Submitted && !stage.at) stage.at = t.createdAt;
        out.push_back(stage);
    }
    const TicketStatus promised = t.urgency == Urgency::Urgent ? TicketStatus::Accepted : TicketStatus::Dispatched;
    const auto judge = [&](TimelineStage& stage, std::int64_t by) {
        stage.promisedBy = by;
        if (stage.reached && stage.at) stage.promise = *stage.at <= by ? TimelineStage::Promise::Met : TimelineStage::Promise::Late;
        else if (stage.reached) stage.promise = TimelineStage::Promise::None;  // reached, time unknown: no verdict
        else stage.promise = now > by ? TimelineStage::Promise::Overdue : TimelineStage::Promise::Pending;
    };
    const std::int64_t by = t.promisedBy > 0 ? t.promisedBy : t.createdAt + promiseSeconds(t.urgency);
    judge(out[rank(promised)], by);
    if (out[rank(TicketStatus::Resolved)].at) judge(out.back(), *out[rank(TicketStatus::Resolved)].at + 24 * 3600);
    return out;
}

bool TrackFlow::setNumber(const std::string& typed) {
    if (m_step != Step::Number) return false;
    std::string clean;
    bool ok = typed.size() <= 4 * kMaxNumber && utf8::isValid(typed);
    for (char c : ok ? typed : std::string()) {
        if (c == ' ' || c == '-') continue;
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum) ok = false;
        else clean += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (!ok || clean.empty() || clean.size() > kMaxNumber) {
        m_error = clean.empty() && ok ? "track.error.number_empty" : "track.error.number";
        return false;
    }
    // Kept as typed (dashes and all) so the resident sees it again as they entered it.
    m_number.clear();
    for (char c : typed)
        if (c != ' ') m_number += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    m_error.clear();
    m_step = Step::Last4;
    return true;
}

std::optional<effect::FindTicket> TrackFlow::setLast4(const std::string& digits, TrackGuard& guard, std::int64_t now) {
    if (m_step != Step::Last4) return std::nullopt;
    if (guard.paused(now)) {
        m_step = Step::Paused;
        m_error.clear();
        return std::nullopt;
    }
    const bool four = digits.size() == 4 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!four) {
        m_error = "track.error.last4";
        return std::nullopt;
    }
    m_error.clear();
    m_step = Step::Searching;
    return effect::FindTicket{m_number, digits};
}

void TrackFlow::found(std::optional<TicketRecord> ticket, TrackGuard& guard, std::int64_t now) {
    if (m_step != Step::Searching) return;  // the resident left meanwhile
    if (ticket) {
        guard.hit();
        m_ticket = std::move(ticket);
        m_step = Step::Found;
        return;
    }
    guard.miss(now);
    m_step = guard.paused(now) ? Step::Paused : Step::NotFound;
}

void TrackFlow::lookupFailed() {
    if (m_step != Step::Searching) return;
    m_step = Step::Last4;
    m_error = "track.error.unavailable";
}

void TrackFlow::retryLast4() {
    if (m_step != Step::NotFound && m_step != Step::Paused) return;
    m_step = Step::Last4;
    m_error.clear();
}

void TrackFlow::changeNumber() {
    if (m_step == Step::Searching) return;
    m_step = Step::Number;
    m_ticket.reset();
    m_error.clear();
}

bool TrackFlow::back() {
    switch (m_step) {
        case Step::Number: return false;
        case Step::Searching: return true;  // wait for the store's answer
        case Step::Last4:
        case Step::Found: changeNumber(); return true;
        case Step::NotFound:
        case Step::Paused: retryLast4(); return true;
    }
    return false;
}

}  // namespace homedesk
