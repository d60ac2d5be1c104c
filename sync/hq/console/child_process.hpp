// Runs another program and waits for it with a deadline: the head office's one door to
// posix_spawn. Used to have the real terminal draw notice previews.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace homedesk::hq {

struct ChildRun {
    std::vector<std::string> argv;  // argv[0] is the program's path
    std::vector<std::string> env;   // "NAME=value", added to (or replacing in) this process's
    std::string stdoutFile;         // where stdout and stderr go; empty: /dev/null
    std::chrono::milliseconds timeout{30000};
};

// The child's exit code; an error when it cannot start, is killed by a signal, or outlives the
// timeout (then it is killed and reaped, never left behind).
Result<int> runChild(const ChildRun& run);

}  // namespace homedesk::hq
