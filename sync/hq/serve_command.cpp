// `homedesk-hq serve`: open the store, read [sla] and [console], start the notice watcher, the
// ticket desk's SLA sweep (at start and every 30 s) and the HTTPS server with the terminals' API
// and the staff console; stop cleanly on SIGINT/SIGTERM (long-polls are released first).
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <spdlog/spdlog.h>

#include "sync/hq/cli_commands.hpp"
#include "sync/hq/console/console_api.hpp"
#include "sync/hq/console/notice_preview.hpp"
#include "sync/hq/desk/ticket_desk.hpp"
#include "sync/hq/hq_config.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/hq/sqlite_hq_store.hpp"

namespace homedesk::hq::cli {
namespace {

std::int64_t unixNow() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// Installed: <prefix>/bin/homedesk-hq and <prefix>/share/homedesk-hq/console; in the build tree
// the front end is copied to <build>/share/homedesk-hq/console.
std::string defaultConsoleDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path() / ".." / "share" / "homedesk-hq" / "console";
        if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
    }
#ifdef HOMEDESK_BUILD_CONSOLE_DIR
    if (fs::is_directory(HOMEDESK_BUILD_CONSOLE_DIR, ec)) return HOMEDESK_BUILD_CONSOLE_DIR;
#endif
    return {};
}

// The terminal that draws notice previews: beside homedesk-hq when installed, else the build
// tree's. Empty when there is none (previews then answer 404).
std::string defaultTerminal() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && fs::is_regular_file(exe.parent_path() / "homedesk", ec))
        return (exe.parent_path() / "homedesk").string();
#ifdef HOMEDESK_BUILD_TERMINAL
    if (fs::is_regular_file(HOMEDESK_BUILD_TERMINAL, ec)) return HOMEDESK_BUILD_TERMINAL;
#endif
    return {};
}

// Runs the desk's sweep now and every 30 s until stopped; nothing escapes the thread.
class SweepThread {
public:
    explicit SweepThread(TicketDesk& desk) : m_desk(desk), m_thread([this] { loop(); }) {}
    ~SweepThread() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    void loop() {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            lock.unlock();
            try {
                auto swept = m_desk.sweep(unixNow());
                if (!swept) spdlog::error("SLA sweep: {}", swept.error().message);
                else if (swept.value() > 0)
                    spdlog::info("SLA sweep: {} escalations", swept.value());
            } catch (const std::exception& e) {
                spdlog::error("SLA sweep: {}", e.what());
            } catch (...) {
                spdlog::error("SLA sweep failed");
            }
            lock.lock();
            m_wake.wait_for(lock, std::chrono::seconds(30), [this] { return m_stop; });
        }
    }

    TicketDesk& m_desk;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;  // last: starts once the rest is ready
};

}  // namespace

int serve(const std::string& db, const ServerOptions& options, const ServeOptions& extra) {
    // Block the stop signals in every thread; one thread waits for them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    auto config = loadHqConfig(extra.config);
    if (!config) {
        spdlog::critical("{}: {}", config.error().where, config.error().message);
        return 1;
    }
    auto store = SqliteHqStore::open(db);
    if (!store) {
        spdlog::critical("{}", store.error().message);
        return 1;
    }
    auto secret = store.value()->signingSecret();  // made now rather than on the first request
    if (!secret) {
        spdlog::critical("{}", secret.error().message);
        return 1;
    }
    NoticeHub hub(*store.value(), std::chrono::milliseconds(200));
    HqApi api(*store.value(), &hub, [] { return unixNow(); });
    TicketDesk desk(*store.value(), config->sla);
    ConsoleOptions console;
    console.staticDir = !extra.consoleDir.empty()          ? extra.consoleDir
                        : !config->console_dir.empty() ? config->console_dir
                                                       : defaultConsoleDir();
    console.publicUrl = config->public_url;
    console.auth.absolute_s = config->session_hours * 3600;
    console.auth.idle_s = config->idle_minutes * 60;
    const std::string terminal = !config->terminal.empty() ? config->terminal : defaultTerminal();
    std::optional<NoticePreviewer> previewer;
    if (!terminal.empty()) {
        previewer.emplace(PreviewOptions{
            terminal, config->terminal_assets,
            !config->preview_dir.empty() ? config->preview_dir : db + ".previews"});
        console.previewer = &*previewer;
        spdlog::info("notice previews drawn by {}", terminal);
    } else {
        spdlog::warn("no terminal program found: notice previews are off ([console] terminal)");
    }
    ConsoleApi consoleApi(*store.value(), desk, console, [] { return unixNow(); });
    ServerOptions serverOptions = options;
    serverOptions.limits = config->server;
    if (extra.keepAlive > 0) serverOptions.limits.idle_timeout_s = extra.keepAlive;
    HttpServer server(api, serverOptions, &consoleApi);
    auto port = server.bind();
    if (!port) {
        spdlog::critical("{}", port.error().message);
        return 1;
    }
    spdlog::info("homedesk-hq serving https://{}:{}/api/v1 and /console/ from {}", options.host,
                 port.value(), db);
    if (console.staticDir.empty())
        spdlog::warn("no console files found: /console/ answers 404 (give --console-dir)");
    else
        spdlog::info("console files from {}", console.staticDir);
    SweepThread sweep(desk);

    std::atomic<bool> finished{false};
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        if (finished) return;
        spdlog::info("signal {}: stopping", signal);
        hub.shutdown();
        server.stop();  // also before run(): run() then returns at once
    });
    server.run();
    finished = true;
    // run() also returns when the listener fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace homedesk::hq::cli
