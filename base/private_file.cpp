#include "base/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace homedesk {
namespace {

namespace fs = std::filesystem;

Error sysError(const std::string& what, const std::string& path) {
    return ioError("private file", what + " " + path + ": " + std::strerror(errno));
}

std::string parentOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

bool writeAll(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

Status writeNew(const std::string& path, const std::string& value) {
    const std::string temp = path + ".new";
    ::unlink(temp.c_str());  // a leftover of a crash mid-write
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return sysError("cannot create", temp);
    const bool written = ::fchmod(fd, 0600) == 0 && writeAll(fd, value) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temp.c_str(), path.c_str()) != 0) {
        const Error e = sysError("cannot write", temp);
        ::unlink(temp.c_str());
        return e;
    }
    const int dir = ::open(parentOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);  // the rename itself survives a power cut
        ::close(dir);
    }
    return Done{};
}

}  // namespace

Status makePrivateFolder(const std::string& path, bool narrowExisting) {
    if (path.empty()) return Done{};
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        struct stat st {};
        if (narrowExisting && ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0 &&
            ::chmod(path.c_str(), 0700) != 0)
            return sysError("cannot make owner-only", path);
        return Done{};
    }
    const std::string parent = parentOf(path);
    if (parent != path && parent != ".") {
        auto up = makePrivateFolder(parent);
        if (!up) return up;
    }
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return sysError("cannot create", path);
    if (!fs::is_directory(path, ec))
        return ioError("private file", path + " exists and is not a folder");
    return Done{};
}

Status makePrivateFile(const std::string& path) {
    auto folder = makePrivateFolder(parentOf(path));
    if (!folder) return folder;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return sysError("cannot open", path);
    struct stat st {};
    const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                    ((st.st_mode & 077) == 0 || ::fchmod(fd, 0600) == 0);
    ::close(fd);
    if (!ok) return sysError("cannot make owner-only", path);
    return Done{};
}

Result<std::string> readOrCreateSecret(const std::string& path, const std::string& fresh) {
    auto folder = makePrivateFolder(parentOf(path));
    if (!folder) return folder.error();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno != ENOENT) return sysError("cannot open", path);
        auto written = writeNew(path, fresh);
        if (!written) return written.error();
        return fresh;
    }
    struct stat st {};
    std::string value;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < 64 * 1024;
    if (ok && (st.st_mode & 077) != 0) ok = ::fchmod(fd, 0600) == 0;
    if (ok) {
        value.resize(static_cast<std::size_t>(st.st_size));
        ok = ::read(fd, value.data(), value.size()) == static_cast<ssize_t>(value.size());
    }
    ::close(fd);
    if (!ok) return sysError("cannot read", path);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    return value;
}

Status replaceSecret(const std::string& path, const std::string& value) {
    auto folder = makePrivateFolder(parentOf(path));
    if (!folder) return folder;
    std::error_code ec;
    if (fs::exists(path, ec)) {
        auto old = readOrCreateSecret(path, "");
        if (!old) return old.error();
        auto kept = writeNew(path + ".previous", old.value());
        if (!kept) return kept;
    }
    return writeNew(path, value);
}

}  // namespace homedesk
