#include "tests/ui/hq_child.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace homedesk::test {

std::pair<int, std::string> runHq(const std::string& db, const std::string& args) {
    const std::string command = std::string(HOMEDESK_HQ_BINARY) + " --db '" + db + "' " + args + " </dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    const int status = ::pclose(pipe);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    ::close(fd);
    return ntohs(addr.sin_port);
}

static bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

HqChild::HqChild(const std::string& db, const testing::PemPair& cert, int port) : m_port(port) {
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const std::string portText = std::to_string(port);
        ::execl(HOMEDESK_HQ_BINARY, HOMEDESK_HQ_BINARY, "--db", db.c_str(), "serve", "--host", "127.0.0.1", "--port",
                portText.c_str(), "--cert", cert.cert_file.c_str(), "--key", cert.key_file.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!accepts(port)) {
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("homedesk-hq did not start");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

HqChild::~HqChild() {
    if (m_pid > 0 && !m_reaped) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

int HqChild::stop() {
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_reaped = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string writeKioskConfig(const std::string& path, const std::string& url, const std::string& caFile) {
    std::ofstream out(path);
    out << "[headoffice]\n"
        << "url = \"" << url << "\"\n"
        << "ca_file = \"" << caFile << "\"\n"
        << "connect_timeout_s = 3\n"
        << "notice_wait_s = 5\n"
        << "retry_max_s = 5\n"
        << "device_name = \"UI test lobby\"\n";
    return path;
}

}  // namespace homedesk::test
