#include "platform/scan/image_source.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "platform/scan/image_file.hpp"

namespace homedesk::platform {
namespace fs = std::filesystem;

ImageSource::ImageSource(std::vector<std::string> files, int fps)
    : m_files(std::move(files)), m_period(1000 / std::max(fps, 1)) {}

ImageSource::ImageSource(const std::string& where, int fps)
    : ImageSource(std::vector<std::string>{}, fps) {
    std::error_code ec;
    if (fs::is_directory(where, ec)) {
        for (const auto& e : fs::directory_iterator(where, ec)) {
            const std::string ext = e.path().extension().string();
            if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".pgm" || ext == ".bmp")
                m_files.push_back(e.path().string());
        }
        std::sort(m_files.begin(), m_files.end());
    } else if (fs::is_regular_file(where, ec)) {
        m_files.push_back(where);
    }
}

bool ImageSource::start() {
    m_running = !m_files.empty();
    m_due = std::chrono::steady_clock::now();
    return m_running;
}

std::optional<GreyImage> ImageSource::next(int timeoutMs) {
    if (!m_running) return std::nullopt;
    const auto now = std::chrono::steady_clock::now();
    if (m_due > now + std::chrono::milliseconds(timeoutMs)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(timeoutMs));  // paced like a camera
        return std::nullopt;
    }
    if (m_due > now) std::this_thread::sleep_until(m_due);
    m_due = std::max(m_due, now) + m_period;
    const std::string& file = m_files[m_next];
    m_next = (m_next + 1) % m_files.size();
    auto image = loadGreyImage(file);
    if (!image) return std::nullopt;
    return std::move(image).value();
}

std::string ImageSource::describe() const {
    return "image files (" + std::to_string(m_files.size()) + ")";
}

}  // namespace homedesk::platform
