// Runs a program as the benchmarks see it: posix_spawn, wall time to exit, and the kernel's
// accounting of the child from wait4 (peak RSS, CPU time).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace homedesk::bench {

struct Exit {
    double wallSeconds = 0;  // spawn -> reaped
    double cpuSeconds = 0;   // user + system, all threads
    // wait4's ru_maxrss: the larger of the child's own peak and that of the largest descendant
    // it reaped itself (Linux; a maximum over single processes, never a sum).
    long maxRssKib = 0;
    int status = 0;
    bool exitedZero() const;
    std::string describe() const;  // "exit 3", "killed by signal 9"
};

class Process {
public:
    // Starts `argv` (argv[0] an absolute path) with stdout and stderr appended to `logPath`.
    // Throws std::runtime_error if it cannot be started.
    Process(std::vector<std::string> argv, const std::string& logPath);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    // CPU seconds the running child has used so far (/proc, clock-tick resolution).
    double cpuSecondsSoFar() const;
    Exit wait();
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    double m_started = 0;
    bool m_reaped = false;
};

// Runs to completion.
Exit run(std::vector<std::string> argv, const std::string& logPath);

// Makes this process the reaper of orphaned descendants, so that what a browser's helpers
// double-fork away still comes back here to be counted.
void becomeSubreaper();

// Reaps the orphans that came back here, waiting up to `graceSeconds` for them to exit and then
// killing the rest by pid. Returns the largest peak RSS among them in KiB (0 if none). Call
// only while no child this process started itself is running.
long reapOrphans(double graceSeconds);

double monotonicSeconds();

}  // namespace homedesk::bench
