// The Notices screen as a state machine (list with category chips, detail paged by big Up/Down
// buttons) and the idle show (attract loop of current notices, or the emergency takeover).
// Both only decide; showing a notice asks the app to record it through an effect.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow.hpp"
#include "kiosk/core/lookup_effects.hpp"
#include "kiosk/core/notices.hpp"

namespace homedesk {

class NoticesFlow final : public Flow {
public:
    static constexpr ScreenId kScreen = ScreenId::Notices;
    std::optional<NoticeCategory> filter() const { return m_filter; }
    const std::string& openId() const { return m_openId; }  // empty: the list shows
    bool inDetail() const { return !m_openId.empty(); }
    int page() const { return inDetail() ? m_detailPage : m_listPage; }

    void setFilter(std::optional<NoticeCategory> category);
    // Opens a notice's detail; the effect records that it was shown.
    std::optional<effect::RecordDisplay> open(const std::vector<Notice>& current, const std::string& id);
    void pageDown(int pages);  // `pages`: how many the screen laid out; the last one stays
    void pageUp();
    // New data: a notice that is no longer current closes its detail.
    void noticesChanged(const std::vector<Notice>& current);

    // Flow
    ScreenId screen() const override { return kScreen; }
    std::string_view stepName() const override { return inDetail() ? "detail" : "list"; }
    bool back() override;  // detail → list; false on the list (the caller leaves the screen)
    std::string announceKey() const override { return m_openId; }
    void report(nlohmann::json& out) const override;

private:
    std::optional<NoticeCategory> m_filter;
    std::string m_openId;
    int m_listPage = 0;
    int m_detailPage = 0;
};

// What shows while nobody uses the terminal: the emergency notices (takeover) if any are current,
// else every current notice in turn (attract loop); nothing when there are none. Times in ms of
// a monotonic clock. A notice is recorded when its slide starts, at most once per kRecordEveryMs,
// so a takeover that stands all day leaves one record per five minutes, not one per slide.
class IdleShow {
public:
    enum class Mode { Off, Attract, Takeover };
    static constexpr std::int64_t kSlideMs = 8000;
    static constexpr std::int64_t kRecordEveryMs = 5 * 60 * 1000;

    Mode mode() const { return m_mode; }
    bool showing() const { return m_mode != Mode::Off; }
    const std::string& noticeId() const { return m_noticeId; }
    int slide() const { return m_slide; }

    // Starts the show or moves it on; returns the records of notices that came on screen.
    std::vector<effect::RecordDisplay> update(std::int64_t nowMs, const std::vector<Notice>& current);
    void stop();  // a touch: the terminal is in use again
    std::optional<std::int64_t> nextChangeMs() const;

private:
    void showSlide(std::int64_t nowMs, const std::vector<const Notice*>& slides, std::vector<effect::RecordDisplay>& out);

    Mode m_mode = Mode::Off;
    std::string m_noticeId;
    int m_slide = 0;
    std::int64_t m_slideStart = 0;
    std::map<std::string, std::int64_t> m_lastRecorded;  // notice id → ms
};

}  // namespace homedesk
