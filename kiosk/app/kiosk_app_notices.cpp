// KioskApp's notices and tracking: the store's notices (read at start, when the sync engine
// says new data arrived, and each minute as publish and expiry times pass), the demo notices
// for a terminal with no head office, the idle show's timing, and the lookups the flows ask for.
#include <SDL2/SDL.h>
#include <spdlog/spdlog.h>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/notices.hpp"

namespace homedesk::app {

namespace {
// A terminal on its own shows the demo notices in an empty store; one with a head office shows
// what the head office publishes.
bool headOfficeConfigured(const Config& c) { return c.headOffice.configured(); }

store::StoredNotice toStored(const Notice& n) {
    store::StoredNotice s;
    s.id = n.id;
    s.revision = n.revision;
    s.title = n.title.zh;
    s.body = n.body.zh;
    s.titleEn = n.title.en;
    s.bodyEn = n.body.en;
    s.category = std::string(toString(n.category));
    s.emergency = n.emergency;
    s.pinned = n.pinned;
    s.publishAt = n.publishAt;
    s.expireAt = n.expireAt;
    return s;
}

Notice fromStored(const store::StoredNotice& s) {
    Notice n;
    n.id = s.id;
    n.revision = s.revision;
    n.title = {s.title, s.titleEn};
    n.body = {s.body, s.bodyEn};
    n.category = noticeCategoryFrom(s.category).value_or(NoticeCategory::General);
    n.emergency = s.emergency;
    n.pinned = s.pinned;
    n.publishAt = s.publishAt;
    n.expireAt = s.expireAt;
    return n;
}
}  // namespace

Result<bool> KioskApp::openNotices() {
    auto held = m_db->notices().count();
    if (held && *held == 0 && !headOfficeConfigured(m_config)) {
        const std::string file = m_config.demoNoticesFile.empty()
                                     ? m_config.assetsDir + "/demo/notices.json"
                                     : m_config.demoNoticesFile;
        auto demo = loadNoticeFeed(file);
        if (!demo) {
            spdlog::warn("demo notices not loaded: {}: {}", demo.error().where,
                         demo.error().message);
        } else {
            for (const auto& n : *demo)
                if (auto r = m_db->notices().applyChange(toStored(n), {}, wallNow()); !r)
                    spdlog::warn("demo notice {}: {}", n.id, r.error().message);
            spdlog::info("{} demo notices loaded from {}", demo->size(), file);
        }
    }
    reloadNotices();
    return true;
}

void KioskApp::noticesChanged() {
    m_noticesDirty = true;
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    SDL_PushEvent(&wake);
}

void KioskApp::reloadNotices() {
    if (!m_db) return;
    auto current = m_db->notices().current(wallNow());
    if (!current) {
        spdlog::warn("notices: {}", current.error().message);
        return;
    }
    std::vector<Notice> notices;
    for (const auto& s : *current) notices.push_back(fromStored(s));
    noticesLoaded(m_state, std::move(notices), wallNow());
    m_pendingFrames = std::max(m_pendingFrames, 1);
}

// The show runs when no session is open, Home is showing, and the terminal has been unused for
// attract_seconds.
void KioskApp::updateIdleShow(TimePoint now) {
    const bool unused = m_session.phase() == IdleSession::Phase::Idle &&
                        m_state.screen() == ScreenId::Home &&
                        now - m_unusedSince >= std::chrono::seconds(m_config.attractSeconds);
    if (!unused) {
        if (m_state.idleShow.showing()) m_state.idleShow.stop();
        return;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const Change change = homedesk::updateIdleShow(m_state, ms, wallNow());
    if (change.screen) m_pendingFrames = std::max(m_pendingFrames, 1);
    if (!m_state.effects.empty()) runEffects();
}

std::optional<TimePoint> KioskApp::idleShowDeadline(TimePoint now) const {
    if (m_session.phase() != IdleSession::Phase::Idle || m_state.screen() != ScreenId::Home)
        return std::nullopt;
    const TimePoint start = m_unusedSince + std::chrono::seconds(m_config.attractSeconds);
    if (now < start) return start;
    if (auto next = m_state.idleShow.nextChangeMs())
        return TimePoint(
            std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(*next)));
    return std::nullopt;
}

}  // namespace homedesk::app
