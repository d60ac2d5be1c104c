// homedesk-store-crash-loop (R1): runs homedesk-store-crasher, SIGKILLs it at a random moment,
// then checks the database: integrity_check ok and every acknowledged submission present.
// Exit 0 only when every cycle lost nothing. Prints the figures.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kiosk/store/sqlite_db.hpp"

using namespace homedesk;
using Clock = std::chrono::steady_clock;

namespace {

struct CycleResult {
    std::vector<std::string> acknowledged;
    bool exitedBeforeKill = false;
};

// Reads complete lines from fd until the deadline (then kills) and on to EOF.
CycleResult runCycle(const std::string& crasher, const std::string& db, const std::string& key,
                     const std::string& prefix, std::chrono::microseconds killAfter,
                     bool ackEarly) {
    CycleResult result;
    int fds[2];
    if (::pipe(fds) != 0) std::perror("pipe"), std::exit(3);
    const pid_t pid = ::fork();
    if (pid < 0) std::perror("fork"), std::exit(3);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl(crasher.c_str(), crasher.c_str(), db.c_str(), key.c_str(), prefix.c_str(),
                ackEarly ? "--ack-early" : nullptr, nullptr);
        ::_exit(127);
    }
    ::close(fds[1]);
    const auto deadline = Clock::now() + killAfter;
    std::string buffer;
    bool killed = false;
    for (;;) {
        int timeoutMs = -1;
        if (!killed) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())
                    .count();
            if (left <= 0) {
                ::kill(pid, SIGKILL);
                killed = true;
            } else {
                timeoutMs = static_cast<int>(left);
            }
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, timeoutMs);
        if (ready == 0) continue;
        char chunk[4096];
        const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EOF: the child is gone
        buffer.append(chunk, static_cast<size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exitedBeforeKill = !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    if (result.exitedBeforeKill)
        std::fprintf(stderr, "cycle %s: crasher exited on its own (status %d)\n", prefix.c_str(),
                     status);
    size_t start = 0;
    for (size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1)
        result.acknowledged.push_back(buffer.substr(start, nl - start));
    return result;
}

struct Check {
    bool integrityOk = false;
    std::string integrity;
    int lost = 0;
    int inconsistent = 0;
};

Check checkDatabase(const std::string& path, const std::vector<std::string>& acknowledged) {
    Check check;
    if (!std::filesystem::exists(path) && acknowledged.empty()) {
        check.integrityOk = true;  // killed before the database was created: nothing to lose
        check.integrity = "not created yet";
        return check;
    }
    auto db = store::Db::open(path, {.busyTimeoutMs = 5000, .create = false});
    if (!db) {
        check.integrity = db.error().message;
        check.lost = static_cast<int>(acknowledged.size());
        return check;
    }
    if (auto stmt = db->prepare("PRAGMA integrity_check"); stmt && stmt->step().ok()) {
        check.integrity = stmt->text(0);
        check.integrityOk = check.integrity == "ok";
    }
    auto find = db->prepare(
        "SELECT (SELECT count(*) FROM tickets WHERE client_id = ?1) + (SELECT count(*) FROM "
        "co_reports WHERE client_id = ?1)");
    if (!find) {
        check.lost = static_cast<int>(acknowledged.size());
        return check;
    }
    for (const auto& id : acknowledged) {
        find->reset();
        find->bind(1, id);
        auto row = find->step();
        if (!row || !*row || find->integer(0) != 1) ++check.lost;
    }
    // Every ticket has its first status, and is either still queued or delivered.
    auto orphans = db->queryInt(
        "SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_status_history h "
        "WHERE h.client_id = t.client_id) "
        "OR (t.delivered_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.client_id = "
        "t.client_id))");
    check.inconsistent = orphans ? static_cast<int>(*orphans) : -1;
    return check;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Kill -9 the store in the middle of submission bursts and count what was lost (R1)"};
    int cycles = 200;
    int maxKillMs = 80;
    std::string crasher;
    std::string workDir;
    unsigned seed = std::random_device{}();
    app.add_option("--cycles", cycles, "kill cycles (R1 asks 1000)");
    app.add_option("--max-kill-ms", maxKillMs,
                   "kill at a uniform random moment in [0, this) after start");
    app.add_option("--crasher", crasher, "path of homedesk-store-crasher")->required();
    app.add_option("--dir", workDir,
                   "directory for the database (default: a fresh temp dir, removed after)");
    app.add_option("--seed", seed, "random seed, printed so a failing run can be repeated");
    bool ackEarly = false;
    app.add_flag("--ack-early", ackEarly,
                 "self-test: the crasher acknowledges before committing; must FAIL");
    CLI11_PARSE(app, argc, argv);

    const bool ownDir = workDir.empty();
    if (ownDir)
        workDir = (std::filesystem::temp_directory_path() /
                   ("homedesk-crash-" + std::to_string(::getpid())))
                      .string();
    std::filesystem::create_directories(workDir);
    const std::string db = workDir + "/homedesk.db", key = workDir + "/phone.key";

    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> killUs(0, maxKillMs * 1000 - 1);
    long totalAcked = 0;
    int totalLost = 0, integrityFailures = 0, inconsistentCycles = 0, cyclesWithAcks = 0,
        selfExits = 0;
    size_t maxAcked = 0;
    const auto started = Clock::now();
    for (int cycle = 0; cycle < cycles; ++cycle) {
        const auto result = runCycle(crasher, db, key, "k" + std::to_string(cycle),
                                     std::chrono::microseconds(killUs(rng)), ackEarly);
        const Check check = checkDatabase(db, result.acknowledged);
        totalAcked += static_cast<long>(result.acknowledged.size());
        maxAcked = std::max(maxAcked, result.acknowledged.size());
        if (!result.acknowledged.empty()) ++cyclesWithAcks;
        if (result.exitedBeforeKill) ++selfExits;
        totalLost += check.lost;
        if (!check.integrityOk) {
            ++integrityFailures;
            std::fprintf(stderr, "cycle %d: integrity_check: %s\n", cycle, check.integrity.c_str());
        }
        if (check.lost > 0)
            std::fprintf(stderr, "cycle %d: %d acknowledged submissions lost\n", cycle, check.lost);
        if (check.inconsistent != 0) {
            ++inconsistentCycles;
            std::fprintf(stderr, "cycle %d: %d half-written tickets\n", cycle, check.inconsistent);
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("store crash test%s: %d cycles (seed %u, kill in [0, %d) ms), %.1f s\n",
                ackEarly ? " (self-test, ack before commit)" : "", cycles, seed, maxKillMs,
                seconds);
    std::printf(
        "  acknowledged submissions: %ld (max %zu in one cycle; %d cycles killed after >= 1 ack)\n",
        totalAcked, maxAcked, cyclesWithAcks);
    std::printf(
        "  lost: %d   integrity_check failures: %d   half-written: %d cycles   crasher self-exits: "
        "%d\n",
        totalLost, integrityFailures, inconsistentCycles, selfExits);
    if (ownDir) std::filesystem::remove_all(workDir);
    const bool pass = totalLost == 0 && integrityFailures == 0 && inconsistentCycles == 0 &&
                      selfExits == 0 && cyclesWithAcks > cycles / 4;
    std::printf("  %s\n", pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
}
