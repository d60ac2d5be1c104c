#include "kiosk/app/enrollment_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

namespace homedesk::app {

namespace {

Error fileError(const std::string& path, const std::string& what) { return ioError(path, what); }

bool writeAll(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

std::string enrollmentPath(const std::string& dataDir) { return dataDir + "/headoffice.json"; }

Result<std::optional<Enrollment>> readEnrollment(const std::string& dataDir) {
    const std::string path = enrollmentPath(dataDir);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT) return std::optional<Enrollment>();
    if (fd < 0) return fileError(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 64 * 1024) {
        ::close(fd);
        return fileError(path, "is not a small regular file");
    }
    if ((st.st_mode & 077) != 0) {
        ::close(fd);
        return fileError(path, "holds the terminal's credential but group or others may read it; "
                               "refusing to start (chmod 600 it)");
    }
    std::string text(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    text.resize(got);
    const auto j = nlohmann::json::parse(text, nullptr, false);
    const auto str = [&](const char* key) -> std::optional<std::string> {
        if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::nullopt;
        return j[key].get<std::string>();
    };
    Enrollment e;
    const auto url = str("hq_url"), id = str("terminal_id"), credential = str("credential");
    if (!url || !id || !credential || credential->empty())
        return fileError(path,
                         "is not an enrollment record (enroll again with homedesk --enroll CODE)");
    e.hqUrl = *url;
    e.terminalId = *id;
    e.credential = *credential;
    e.communityId = str("community_id").value_or("");
    e.communityName = str("community_name").value_or("");
    e.signingPublicKey = str("signing_public_key").value_or("");
    if (j.contains("enrolled_at") && j["enrolled_at"].is_number_integer())
        e.enrolledAt = j["enrolled_at"].get<std::int64_t>();
    return std::optional<Enrollment>(std::move(e));
}

Result<bool> writeEnrollment(const std::string& dataDir, const Enrollment& e) {
    const std::string path = enrollmentPath(dataDir);
    const std::string temp = path + ".tmp";
    const nlohmann::json j = {{"hq_url", e.hqUrl},
                              {"terminal_id", e.terminalId},
                              {"credential", e.credential},
                              {"community_id", e.communityId},
                              {"community_name", e.communityName},
                              {"signing_public_key", e.signingPublicKey},
                              {"enrolled_at", e.enrolledAt}};
    ::unlink(temp.c_str());  // a leftover from a crash mid-write
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return fileError(temp, std::string("cannot create: ") + std::strerror(errno));
    const bool written =
        ::fchmod(fd, 0600) == 0 && writeAll(fd, j.dump(2) + "\n") && ::fsync(fd) == 0;
    const int closed = ::close(fd);
    if (!written || closed != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return fileError(temp, "cannot write: " + why);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return fileError(path, "cannot replace: " + why);
    }
    const int dir = ::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

}  // namespace homedesk::app
