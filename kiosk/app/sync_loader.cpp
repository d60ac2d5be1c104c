// Finds libhomedesk_sync.so beside the program and opens it the first time a head office needs
// it; a terminal without one gets OfflineLink and never loads libcurl.
#include "kiosk/app/module_loader.hpp"
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

}  // namespace

Result<std::unique_ptr<SyncLink>> startSyncLink(const Config& config, SyncLink::Wake wakeUi) {
    if (!config.headOffice.configured())
        return std::unique_ptr<SyncLink>(std::make_unique<OfflineLink>(config.headOffice.url));
    auto start = moduleEntry<SyncStartFn>(kSyncLibrary, kSyncStartSymbol);
    if (!start) return start.error();
    return (*start)(config, std::move(wakeUi));
}

EnrollOutcome enrollWithHeadOffice(const Config& config, const std::string& code) {
    auto enroll = moduleEntry<SyncEnrollFn>(kSyncLibrary, kSyncEnrollSymbol);
    if (!enroll) return {std::nullopt, "enroll.error.incompatible", enroll.error().message};
    return (*enroll)(config, code);
}

}  // namespace homedesk::app
