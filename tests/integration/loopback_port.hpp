// A loopback port nobody listens on right now (bound, read, closed), for servers a test starts
// and for a "head office down" that refuses connections. Throws when none is found.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace homedesk::testing {

inline int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    const bool found = fd >= 0 &&
                       ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                       ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    if (fd >= 0) ::close(fd);
    if (!found) throw std::runtime_error("no free loopback port");
    return ntohs(addr.sin_port);
}

}  // namespace homedesk::testing
