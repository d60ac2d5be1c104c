#include "kiosk/core/notices_flow.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace homedesk {

void NoticesFlow::report(nlohmann::json& out) const {
    out["notice_open"] = m_openId;
    out["notice_filter"] = m_filter ? std::string(toString(*m_filter)) : "all";
    out["notice_page"] = page();
}

void NoticesFlow::setFilter(std::optional<NoticeCategory> category) {
    m_filter = category;
    m_openId.clear();
    m_listPage = 0;
}

std::optional<effect::RecordDisplay> NoticesFlow::open(const std::vector<Notice>& current, const std::string& id) {
    const auto it = std::find_if(current.begin(), current.end(), [&](const Notice& n) { return n.id == id; });
    if (it == current.end()) return std::nullopt;
    m_openId = id;
    m_detailPage = 0;
    return effect::RecordDisplay{it->id, it->revision, "detail", 0};
}

void NoticesFlow::pageDown(int pages) {
    int& page = inDetail() ? m_detailPage : m_listPage;
    page = std::clamp(page + 1, 0, std::max(0, pages - 1));
}

void NoticesFlow::pageUp() {
    int& page = inDetail() ? m_detailPage : m_listPage;
    page = std::max(0, page - 1);
}

bool NoticesFlow::back() {
    if (!inDetail()) return false;
    m_openId.clear();
    return true;
}

void NoticesFlow::noticesChanged(const std::vector<Notice>& current) {
    if (inDetail() && std::none_of(current.begin(), current.end(), [&](const Notice& n) { return n.id == m_openId; }))
        m_openId.clear();
}

void IdleShow::showSlide(std::int64_t nowMs, const std::vector<const Notice*>& slides,
                         std::vector<effect::RecordDisplay>& out) {
    const Notice& n = *slides[static_cast<size_t>(m_slide) % slides.size()];
    m_noticeId = n.id;
    m_slideStart = nowMs;
    auto last = m_lastRecorded.find(n.id);
    if (last == m_lastRecorded.end() || nowMs - last->second >= kRecordEveryMs) {
        m_lastRecorded[n.id] = nowMs;
        out.push_back({n.id, n.revision, m_mode == Mode::Takeover ? "takeover" : "attract", kSlideMs});
    }
}

std::vector<effect::RecordDisplay> IdleShow::update(std::int64_t nowMs, const std::vector<Notice>& current) {
    std::vector<effect::RecordDisplay> out;
    std::vector<const Notice*> emergencies, all;
    for (const auto& n : current) {
        all.push_back(&n);
        if (n.emergency) emergencies.push_back(&n);
    }
    const Mode want = !emergencies.empty() ? Mode::Takeover : !all.empty() ? Mode::Attract : Mode::Off;
    const auto& slides = want == Mode::Takeover ? emergencies : all;
    if (want == Mode::Off) {
        m_mode = Mode::Off;
        m_noticeId.clear();
        return out;
    }
    if (want != m_mode) {  // starting, or an emergency came or went
        m_mode = want;
        m_slide = 0;
        showSlide(nowMs, slides, out);
        return out;
    }
    // The notice on screen may have been retracted: keep the loop's place but show what exists.
    const bool gone = std::none_of(slides.begin(), slides.end(), [&](const Notice* n) { return n->id == m_noticeId; });
    if (gone || nowMs - m_slideStart >= kSlideMs) {
        m_slide = gone ? m_slide % static_cast<int>(slides.size()) : (m_slide + 1) % static_cast<int>(slides.size());
        showSlide(nowMs, slides, out);
    }
    return out;
}

void IdleShow::stop() {
    m_mode = Mode::Off;
    m_noticeId.clear();
    m_slide = 0;
}

std::optional<std::int64_t> IdleShow::nextChangeMs() const {
    if (m_mode == Mode::Off) return std::nullopt;
    return m_slideStart + kSlideMs;
}

}  // namespace homedesk
