#include "sync/protocol/replay_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sync/protocol/field_reader.hpp"

namespace homedesk::protocol {

Result<std::unique_ptr<ReplayFile>> ReplayFile::open(const std::string& path, std::int64_t now,
                                                     std::size_t capacity) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return ioError(path, std::string("cannot open: ") + std::strerror(errno));
    ::fchmod(fd, 0600);  // an older file keeps no wider mode
    ::close(fd);
    std::unique_ptr<ReplayFile> file(new ReplayFile(path, capacity));
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id;
        std::int64_t expiresAt = 0;
        // A torn last line (power cut mid-write) is skipped; its code was never accepted.
        if (!(fields >> id >> expiresAt) || !isValidText(id, TextKind::Id)) continue;
        if (expiresAt > now) file->m_guard.use(id, expiresAt, now);
    }
    return file;
}

ReplayGuard::Outcome ReplayFile::use(const std::string& id, std::int64_t expiresAt,
                                     std::int64_t now) {
    if (!isValidText(id, TextKind::Id)) return ReplayGuard::Outcome::Full;
    std::lock_guard lock(m_fileMutex);
    const auto outcome = m_guard.use(id, expiresAt, now);
    if (outcome == ReplayGuard::Outcome::First && !append(id, expiresAt))
        return ReplayGuard::Outcome::Full;
    return outcome;
}

bool ReplayFile::append(const std::string& id, std::int64_t expiresAt) {
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) return false;
    const std::string line = id + " " + std::to_string(expiresAt) + "\n";
    const bool written =
        ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    return written;
}

}  // namespace homedesk::protocol
