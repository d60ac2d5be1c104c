// Track my request: the ticket number (or tracking code) on the keypad, then the last four
// digits of the phone used (masked), a lookup in the store, then the timeline 已提交 → 已受理 →
// 已派单 → 处理中 → 已完成 → 已回访 with times and the promises. Not found keeps the number so
// only the four digits need typing again; too many misses pause the lookup for the terminal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "kiosk/core/flow.hpp"
#include "kiosk/core/lookup_effects.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

// Guessing the four digits must not be quick. Kept by the terminal, not the session: a new
// session (Home, the idle wipe) does not reset it. Seconds of wall time.
class TrackGuard {
public:
    static constexpr int kMissesBeforePause = 5;
    static constexpr std::int64_t kPauseSeconds = 60;  // doubles with each further round, up to 15 min

    void miss(std::int64_t now);
    void hit() { m_misses = 0; m_pausedUntil = 0; }
    bool paused(std::int64_t now) const { return now < m_pausedUntil; }
    std::int64_t pausedUntil() const { return m_pausedUntil; }
    int misses() const { return m_misses; }

private:
    int m_misses = 0;
    std::int64_t m_pausedUntil = 0;
};

// One stage of the timeline as the resident sees it.
struct TimelineStage {
    enum class Promise { None, Pending, Met, Late, Overdue };
    TicketStatus status = TicketStatus::Submitted;
    bool reached = false;
    std::optional<std::int64_t> at;  // when it was reached, if known
    std::optional<std::int64_t> promisedBy;
    Promise promise = Promise::None;
    std::string note;  // the head office's note for the resident ("王师傅 15:00")
};
// The six stages in order. The estate's promise: an urgent repair is answered (accepted) within
// 30 minutes, a normal one arranged (dispatched) within 24 hours; the callback follows within
// 24 hours of the resolution.
std::vector<TimelineStage> buildTimeline(const TicketRecord& ticket, std::int64_t now);

class TrackFlow final : public Flow {
public:
    static constexpr ScreenId kScreen = ScreenId::Track;
    enum class Step { Number, Last4, Searching, Found, NotFound, Paused };
    static constexpr size_t kMaxNumber = 20;  // characters, after spaces and dashes

    Step step() const { return m_step; }
    const std::string& number() const { return m_number; }
    const std::optional<TicketRecord>& ticket() const { return m_ticket; }

    // Input from the keypad or a keyboard wedge; anything but letters, digits, spaces and
    // dashes is refused with a message and the step stays.
    bool setNumber(const std::string& typed);
    // Four digits; accepted ones start the lookup (the effect) unless the terminal is paused.
    std::optional<effect::FindTicket> setLast4(const std::string& digits, TrackGuard& guard, std::int64_t now);
    void found(std::optional<TicketRecord> ticket, TrackGuard& guard, std::int64_t now);
    void lookupFailed();  // the store could not answer: back to the digits, with a message
    void retryLast4();    // from "not found": the number is kept
    void changeNumber();  // from "not found" or the timeline: the number is kept for editing
    // What the entry field should hold after a step change (the number when editing it).
    std::string prefill() const { return m_step == Step::Number ? m_number : std::string(); }

    // Flow
    ScreenId screen() const override { return kScreen; }
    std::string_view stepName() const override;
    const std::string& lastError() const override { return m_error; }  // catalog key or ""
    EntrySpec entrySpec() const override;
    std::optional<std::string> draftText() const override { return prefill(); }
    bool back() override;  // false at the first step (the caller leaves the screen)
    std::string announceKey() const override { return std::string(stepName()) + m_error; }
    void report(nlohmann::json& out) const override;

private:
    Step m_step = Step::Number;
    std::string m_number;  // normalized: upper case, no spaces
    std::optional<TicketRecord> m_ticket;
    std::string m_error;
};

std::string_view stepName(TrackFlow::Step step);

}  // namespace homedesk
