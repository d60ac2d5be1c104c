#include "platform/scan/scanner_thread.hpp"

#include <algorithm>

namespace homedesk::platform {

ScannerThread::ScannerThread(std::unique_ptr<FrameSource> source, ScanOptions options,
                             std::function<void()> wake)
    : m_source(std::move(source)), m_scanner(options), m_wake(std::move(wake)),
      m_thread([this] { run(); }) {}

ScannerThread::~ScannerThread() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ScannerThread::setActive(bool active) {
    {
        std::lock_guard lock(m_mutex);
        if (m_active == active) return;
        m_active = active;
        m_lastText.clear();  // a new visit reads the same code again
    }
    m_changed.notify_all();
}

ScanUpdate ScannerThread::take() {
    std::lock_guard lock(m_mutex);
    ScanUpdate out = std::move(m_pending);
    m_pending = ScanUpdate{};
    m_pending.source = out.source;
    return out;
}

void ScannerThread::run() {
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        m_changed.wait(lock, [this] { return m_quit || m_active; });
        if (m_quit) break;
        try {
            runActive(lock);
        } catch (...) {
            m_pending.source = FrameSource::State::Failed;
            m_pending.sourceChanged = true;
            m_active = false;
            lock.unlock();
            if (m_wake) m_wake();
            lock.lock();
        }
    }
}

// Runs until deactivated; the lock is held only between frames.
void ScannerThread::runActive(std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    const bool started = m_source->start();
    FrameSource::State state = started ? m_source->state() : FrameSource::State::Failed;
    lock.lock();
    m_pending.source = state;
    m_pending.sourceChanged = true;
    while (m_active && !m_quit) {
        lock.unlock();
        std::optional<GreyImage> frame = m_source->next(100);
        const FrameSource::State now = m_source->state();
        std::optional<QrHit> hit;
        std::optional<GreyImage> preview;
        if (frame) {
            hit = m_scanner.scan(*frame, QrReader::Effort::Live);
            ++m_frames;
            const int factor = std::max(1, frame->width / kPreviewWidth);
            preview = downscale(*frame, factor);
        }
        const auto at = std::chrono::steady_clock::now();
        lock.lock();
        bool tell = false;
        if (now != state) {
            state = now;
            m_pending.source = now;
            m_pending.sourceChanged = true;
            tell = true;
        }
        if (preview) {
            m_pending.preview = std::move(preview);
            m_pending.frameShortSide = std::min(frame->width, frame->height);
            tell = true;
        }
        if (hit) {
            const bool repeat = hit->text == m_lastText &&
                                at - m_lastAt < std::chrono::milliseconds(kRepeatHoldMs);
            m_lastAt = at;
            if (!repeat) {
                m_lastText = hit->text;
                m_pending.text = hit->text;
                m_pending.side = hit->side;
            }
        }
        if (tell && m_wake) {
            lock.unlock();
            m_wake();
            lock.lock();
        }
    }
    lock.unlock();
    m_source->stop();
    lock.lock();
}

}  // namespace homedesk::platform
