// Finds libhomedesk_sync.so beside the program and opens it the first time a head office needs
// it; a terminal without one gets OfflineLink and never loads libcurl.
#include <dlfcn.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "kiosk/app/sync_link.hpp"

namespace homedesk::app {

namespace {

// No [headoffice]: nothing to enroll with, nothing to send ("未连接总部").
class OfflineLink final : public SyncLink {
  public:
    explicit OfflineLink(std::string url) : m_url(std::move(url)) {}
    bool enrolled() const override { return false; }
    SyncSnapshot snapshot() const override {
        SyncSnapshot s;
        s.configured = false;
        s.hqUrl = m_url;
        return s;
    }
    void wake() override {}
    void enroll(const std::string&) override {}
    std::optional<EnrollAnswer> takeEnrollAnswer() override { return std::nullopt; }

  private:
    std::string m_url;
};

std::string libraryPath() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ((ec ? std::filesystem::path(".") : exe.parent_path()) / kSyncLibrary).string();
}

// The library stays loaded until the process ends: its threads and objects may outlive a caller.
template <typename Fn>
Result<Fn> entryPoint(const char* name) {
    static void* library = nullptr;
    const std::string path = libraryPath();
    if (!library) library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library) return Error{Error::Kind::Unavailable, path, dlerror(), false};
    void* symbol = dlsym(library, name);
    if (!symbol) return Error{Error::Kind::Internal, path, std::string("no ") + name, false};
    return reinterpret_cast<Fn>(symbol);
}

}  // namespace

Result<std::unique_ptr<SyncLink>> startSyncLink(const Config& config, SyncLink::Wake wakeUi) {
    if (!config.headOffice.configured())
        return std::unique_ptr<SyncLink>(std::make_unique<OfflineLink>(config.headOffice.url));
    auto start = entryPoint<SyncStartFn>(kSyncStartSymbol);
    if (!start) return start.error();
    return (*start)(config, std::move(wakeUi));
}

EnrollOutcome enrollWithHeadOffice(const Config& config, const std::string& code) {
    auto enroll = entryPoint<SyncEnrollFn>(kSyncEnrollSymbol);
    if (!enroll) return {std::nullopt, "enroll.error.incompatible", enroll.error().message};
    return (*enroll)(config, code);
}

}  // namespace homedesk::app
