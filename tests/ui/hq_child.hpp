// The real head office for UI tests: homedesk-hq as a child process over real TLS on 127.0.0.1,
// with a CA and server certificate the test makes, set up through its own command line.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>

#include "tests/integration/test_pki.hpp"

namespace homedesk::test {

// Runs `homedesk-hq --db DB ARGS` to completion: its exit code and stdout (trailing newlines cut).
std::pair<int, std::string> runHq(const std::string& db, const std::string& args);

int freeLoopbackPort();

class HqChild {
public:
    // Serves `db` on 127.0.0.1:port with `cert`; returns once the port accepts connections.
    HqChild(const std::string& db, const testing::PemPair& cert, int port);
    ~HqChild();  // SIGKILL if still running
    int stop();  // SIGTERM, then the exit code
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }

private:
    pid_t m_pid = -1;
    int m_port = 0;
    bool m_reaped = false;
};

// A homedesk configuration for a head office at `url` trusting `caFile`.
std::string writeKioskConfig(const std::string& path, const std::string& url, const std::string& caFile);

}  // namespace homedesk::test
