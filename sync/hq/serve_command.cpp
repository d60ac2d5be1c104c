// `homedesk-hq serve`: open the store, start the notice watcher and the HTTPS server, stop
// cleanly on SIGINT/SIGTERM (long-polls are released first).
#include <atomic>
#include <csignal>
#include <chrono>
#include <thread>

#include <pthread.h>
#include <spdlog/spdlog.h>

#include "sync/hq/cli_commands.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/hq/sqlite_hq_store.hpp"

namespace homedesk::hq::cli {

int serve(const std::string& db, const ServerOptions& options) {
    // Block the stop signals in every thread; one thread waits for them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

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
    HqApi api(*store.value(), &hub, [] {
        using namespace std::chrono;
        return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    });
    HttpServer server(api, options);
    auto port = server.bind();
    if (!port) {
        spdlog::critical("{}", port.error().message);
        return 1;
    }
    spdlog::info("homedesk-hq serving https://{}:{}/api/v1 from {}", options.host, port.value(), db);

    std::atomic<bool> finished{false};
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        if (finished) return;
        spdlog::info("signal {}: stopping", signal);
        hub.shutdown();
        // A stop() before the listener runs would be lost.
        while (!finished && !server.running())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        server.stop();
    });
    server.run();
    finished = true;
    // run() also returns when the listener fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace homedesk::hq::cli
