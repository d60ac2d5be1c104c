// Key file handling and secretbox sealing of phone numbers.
#include "kiosk/store/phone_cipher.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace homedesk::store {
namespace {

static_assert(PhoneCipher::kKeyBytes == crypto_secretbox_KEYBYTES);

Error keyError(const std::string& path, const std::string& what) {
    return Error{Error::Kind::Io, "store.key", "phone key file " + path + ": " + what, false};
}

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

bool writeAll(int fd, const unsigned char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

void syncDirectoryOf(const std::string& path) {
    auto dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = ".";
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

Result<PhoneCipher> PhoneCipher::openOrCreate(const std::string& keyPath) {
    if (sodium_init() < 0)
        return Error{Error::Kind::Internal, "store.key", "libsodium failed to initialise", false};
    PhoneCipher cipher;

    int fd = ::open(keyPath.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT) {
        // Created with 0600 from the first byte; O_EXCL so two starting processes cannot both
        // write.
        fd = ::open(keyPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) {
            randombytes_buf(cipher.m_key.data(), cipher.m_key.size());
            const bool written =
                writeAll(fd, cipher.m_key.data(), cipher.m_key.size()) && ::fsync(fd) == 0;
            ::close(fd);
            if (!written) {
                ::unlink(keyPath.c_str());
                return keyError(keyPath, std::string("cannot write: ") + std::strerror(errno));
            }
            syncDirectoryOf(keyPath);
            return cipher;
        }
        if (errno != EEXIST)
            return keyError(keyPath, std::string("cannot create: ") + std::strerror(errno));
        fd = ::open(keyPath.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    }
    if (fd < 0) return keyError(keyPath, std::string("cannot open: ") + std::strerror(errno));

    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return keyError(keyPath, "cannot stat");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return keyError(keyPath, "is not a regular file");
    }
    if ((st.st_mode & 077) != 0) {
        ::close(fd);
        return keyError(keyPath,
                        "mode " + octal(st.st_mode) +
                            " lets group or others read it; refusing to start (chmod 600 it, "
                            "or remove it only if the database holds no queued phone numbers)");
    }
    if (st.st_size != static_cast<off_t>(kKeyBytes)) {
        ::close(fd);
        return keyError(keyPath, "is " + std::to_string(st.st_size) + " bytes, expected " +
                                     std::to_string(kKeyBytes) + "; refusing to start");
    }
    size_t got = 0;
    while (got < kKeyBytes) {
        const ssize_t n = ::read(fd, cipher.m_key.data() + got, kKeyBytes - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got != kKeyBytes) return keyError(keyPath, "short read");
    return cipher;
}

PhoneCipher::PhoneCipher(PhoneCipher&& other) noexcept : m_key(other.m_key) {
    sodium_memzero(other.m_key.data(), other.m_key.size());
}

PhoneCipher::~PhoneCipher() {
    sodium_memzero(m_key.data(), m_key.size());
}

std::vector<unsigned char> PhoneCipher::seal(std::string_view plain) const {
    std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                   plain.size());
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                          out.data(), m_key.data());
    return out;
}

Result<std::string> PhoneCipher::open(const std::vector<unsigned char>& sealed) const {
    constexpr size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead)
        return Error{Error::Kind::Internal, "store.key", "sealed phone is truncated", false};
    std::string plain(sealed.size() - overhead, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   sealed.data() + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(),
                                   m_key.data()) != 0)
        return Error{Error::Kind::Internal, "store.key",
                     "sealed phone does not open with this key (wrong or replaced key file?)",
                     false};
    return plain;
}

}  // namespace homedesk::store
