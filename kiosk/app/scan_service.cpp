#include "kiosk/app/scan_service.hpp"

#include <spdlog/spdlog.h>

#include "kiosk/app/enrollment_file.hpp"
#include "platform/scan/image_source.hpp"

namespace homedesk::app {

ScanService::ScanService(Options options, std::function<void()> wake)
    : m_options(std::move(options)) {
    if (m_options.framesDir) {
        auto source = std::make_unique<platform::ImageSource>(*m_options.framesDir, 15);
        spdlog::info("scanner: {} from {}", source->describe(), *m_options.framesDir);
        m_thread = std::make_unique<platform::ScannerThread>(
            std::move(source), platform::ScanOptions{0.8, 1280}, std::move(wake));
        m_view.camera = ScanView::Camera::Running;
    }
}

void ScanService::setActive(bool active) {
    if (m_thread) m_thread->setActive(active);
}

intent::Scan ScanService::classified(const std::string& payload, std::int64_t now) {
    protocol::ScanContext context;
    context.ticketUrl = m_options.ticketUrl;
    context.now = now;
    // Read each time: the terminal may enroll while it runs.
    if (auto enrolled = readEnrollment(m_options.dataDir); enrolled && *enrolled) {
        context.communityId = (*enrolled)->communityId;
        if (auto key = protocol::publicKeyFrom((*enrolled)->signingPublicKey))
            context.officeKey = key.value();
    }
    if (!m_replay) {
        auto replay = protocol::ReplayFile::open(m_options.dataDir + "/scan-replay.txt", now);
        if (replay) m_replay = std::move(replay).value();
        else spdlog::warn("scan replay file: {}", replay.error().message);
    }
    context.replay = m_replay.get();
    ScanResult result = protocol::classify(payload, context);
    spdlog::info("scanned a code: {}{}", scanKindName(result.kind),
                 result.ok() ? "" : std::string(" (") + scanRefusalName(result.refusal) + ")");
    return intent::Scan{intent::Scan::Kind::Read, std::move(result), 0, 0};
}

std::vector<intent::Scan> ScanService::take(std::int64_t now) {
    std::vector<intent::Scan> out;
    if (!m_thread) return out;
    platform::ScanUpdate u = m_thread->take();
    if (u.sourceChanged) {
        using S = platform::FrameSource::State;
        m_view.camera = u.source == S::Running     ? ScanView::Camera::Running
                        : u.source == S::Unplugged ? ScanView::Camera::Unplugged
                                                   : ScanView::Camera::Failed;
    }
    if (u.preview) {
        m_view.width = u.preview->width;
        m_view.height = u.preview->height;
        m_view.pixels = std::move(u.preview->pixels);
    }
    if (u.text) {
        intent::Scan read = classified(*u.text, now);
        read.side = u.side;
        read.frameShortSide = u.frameShortSide;
        out.push_back(std::move(read));
    }
    return out;
}

}  // namespace homedesk::app
