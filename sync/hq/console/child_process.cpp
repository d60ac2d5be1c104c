#include "sync/hq/console/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

extern char** environ;

namespace homedesk::hq {
namespace {

std::vector<std::string> mergedEnvironment(const std::vector<std::string>& extra) {
    std::map<std::string, std::string> vars;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry(*e);
        vars[entry.substr(0, entry.find('='))] = entry;
    }
    for (const std::string& entry : extra) vars[entry.substr(0, entry.find('='))] = entry;
    std::vector<std::string> out;
    for (auto& [name, entry] : vars) out.push_back(std::move(entry));
    return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Waits for the child to end within the deadline: a pidfd becomes readable when it exits.
bool waitWithin(pid_t pid, std::chrono::milliseconds timeout) {
    const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0) return false;
    pollfd p{pidfd, POLLIN, 0};
    int ready = 0;
    do {
        ready = poll(&p, 1, static_cast<int>(timeout.count()));
    } while (ready < 0 && errno == EINTR);
    close(pidfd);
    return ready > 0;
}

}  // namespace

Result<int> runChild(const ChildRun& run) {
    if (run.argv.empty()) return invalidInput("child process", "no program to run");
    std::vector<std::string> args = run.argv, env = mergedEnvironment(run.env);
    std::vector<char*> argp = pointers(args), envp = pointers(env);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string out = run.stdoutFile.empty() ? "/dev/null" : run.stdoutFile;
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return ioError("child process",
                       "cannot start " + run.argv[0] + ": " + std::strerror(spawned));

    const bool ended = waitWithin(pid, run.timeout);
    if (!ended) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!ended)
        return ioError("child process", run.argv[0] + " took longer than " +
                                            std::to_string(run.timeout.count()) + " ms; stopped");
    if (WIFSIGNALED(status))
        return ioError("child process",
                       run.argv[0] + " ended by signal " + std::to_string(WTERMSIG(status)));
    return WEXITSTATUS(status);
}

}  // namespace homedesk::hq
