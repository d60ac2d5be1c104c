// The staff console's requests as plain functions (docs/console.md): static files under
// /console/, the JSON API under /console/api/ (signed in, CSRF checked for changes), and the
// public receipt page /t/<code>. No sockets; http_server.cpp only moves bytes in and out.
#pragma once

#include <memory>
#include <string>

#include "sync/hq/console/console_types.hpp"
#include "sync/hq/console/staff_auth.hpp"

namespace homedesk::hq {

class HqStore;
class TicketDesk;
class ReceiptPage;
class NoticePreviewer;

struct ConsoleOptions {
    // The console's files (index.html, ...); empty: static files answer 404.
    std::string staticDir;
    // "https://hq.example.cn:8443": the console's own origin (the Origin check) and the head
    // office address put into enrollment QR tokens. Empty: "https://" + the request's Host.
    std::string publicUrl;
    AuthPolicy auth;
    // Draws notice previews with the real terminal; null: previews answer 404.
    NoticePreviewer* previewer = nullptr;
};

class ConsoleApi {
  public:
    ConsoleApi(HqStore& store, TicketDesk& desk, ConsoleOptions options, ConsoleClock clock);
    ~ConsoleApi();

    // Never throws; every failure is an error answer. Paths: /console, /console/..., /t/...
    ConsoleResponse handle(const ConsoleRequest& request) noexcept;

  private:
    ConsoleResponse route(const ConsoleRequest& request, std::int64_t now);
    ConsoleResponse api(const ConsoleRequest& request, std::int64_t now);
    ConsoleResponse sessionRoute(const ConsoleRequest& request, std::int64_t now);
    ConsoleResponse signedIn(const ConsoleRequest& request, const SessionRecord& session,
                             std::int64_t now);
    bool originAllowed(const ConsoleRequest& request) const;

    HqStore& m_store;
    TicketDesk& m_desk;
    ConsoleOptions m_options;
    ConsoleClock m_clock;
    StaffAuth m_auth;
    std::unique_ptr<ReceiptPage> m_receipts;
};

}  // namespace homedesk::hq
