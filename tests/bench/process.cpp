// posix_spawn, wait4 and /proc: starting the measured programs and the kernel's account of them.
#include "tests/bench/process.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace homedesk::bench {

namespace {

double seconds(timeval t) {
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

// Fields 14 and 15 of /proc/<pid>/stat, in clock ticks; the name before them may hold spaces.
double procCpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(in, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

std::vector<pid_t> childrenOf(pid_t parent) {
    std::vector<pid_t> found;
    DIR* proc = opendir("/proc");
    if (!proc) return found;
    while (dirent* e = readdir(proc)) {
        const pid_t pid = static_cast<pid_t>(std::atol(e->d_name));
        if (pid <= 0) continue;
        std::ifstream in(std::string("/proc/") + e->d_name + "/stat");
        std::string line;
        std::getline(in, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        long ppid = 0;
        if (rest >> state >> ppid && ppid == parent) found.push_back(pid);
    }
    closedir(proc);
    return found;
}

}  // namespace

double monotonicSeconds() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

bool Exit::exitedZero() const {
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string Exit::describe() const {
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("killed by ") + strsignal(WTERMSIG(status));
    return "status " + std::to_string(status);
}

Process::Process(std::vector<std::string> argv, const std::string& logPath) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    m_started = monotonicSeconds();
    const int err = posix_spawn(&m_pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(err));
}

Process::~Process() {
    if (m_reaped) return;
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
}

double Process::cpuSecondsSoFar() const {
    return procCpuSeconds(m_pid);
}

Exit Process::wait() {
    Exit e;
    rusage usage{};
    pid_t r;
    do r = wait4(m_pid, &e.status, 0, &usage);
    while (r < 0 && errno == EINTR);
    e.wallSeconds = monotonicSeconds() - m_started;
    m_reaped = true;
    if (r < 0) throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
    e.cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    e.maxRssKib = usage.ru_maxrss;
    return e;
}

Exit run(std::vector<std::string> argv, const std::string& logPath) {
    Process p(std::move(argv), logPath);
    return p.wait();
}

void becomeSubreaper() {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
}

long reapOrphans(double graceSeconds) {
    long largest = 0;
    const double deadline = monotonicSeconds() + graceSeconds;
    bool killed = false;
    for (;;) {
        rusage usage{};
        int status = 0;
        const pid_t r = wait4(-1, &status, killed ? 0 : WNOHANG, &usage);
        if (r > 0) {
            largest = std::max(largest, usage.ru_maxrss);
        } else if (r < 0 && errno == EINTR) {
            continue;
        } else if (r < 0) {
            return largest;  // ECHILD: none left
        } else if (monotonicSeconds() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } else {
            for (pid_t pid : childrenOf(getpid())) kill(pid, SIGKILL);
            killed = true;
        }
    }
}

}  // namespace homedesk::bench
