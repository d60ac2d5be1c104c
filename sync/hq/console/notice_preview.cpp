#include "sync/hq/console/notice_preview.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>

#include "sync/hq/console/child_process.hpp"
#include "sync/protocol/codec.hpp"

namespace homedesk::hq {
namespace fs = std::filesystem;
namespace {

constexpr const char* kNoticeId = "preview";

std::string newSetId() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

bool validSetId(const std::string& id) {
    return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Owner-only from the moment it exists: a folder 0700, a file 0600.
bool makePrivateDir(const std::string& path) {
    return ::mkdir(path.c_str(), 0700) == 0 || (errno == EEXIST && fs::is_directory(path));
}

bool writePrivateFile(const std::string& path, const std::string& text) {
    const mode_t old = ::umask(077);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    ::umask(old);
    out << text;
    return static_cast<bool>(out.flush());
}

std::string localMinute(std::int64_t at) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm local{};
    localtime_r(&t, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

// TOML basic string: the paths are ours (made above), but quote them properly anyway.
std::string tomlString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string lastLine(const std::string& file) {
    std::ifstream in(file);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last;
}

}  // namespace

NoticePreviewer::NoticePreviewer(PreviewOptions options) : m_options(std::move(options)) {}

const std::vector<std::string>& NoticePreviewer::variants(bool withEnglish) {
    static const std::vector<std::string> zh{"portrait-normal", "portrait-large",
                                             "landscape-normal", "landscape-large"};
    static const std::vector<std::string> all{"portrait-normal", "portrait-large",
                                              "landscape-normal", "landscape-large",
                                              "portrait-large-en"};
    return withEnglish ? all : zh;
}

Result<PreviewSet> NoticePreviewer::render(const protocol::Notice& notice, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    if (!makePrivateDir(m_options.workDir))
        return ioError("notice preview", "cannot create " + m_options.workDir);
    dropOld(now);

    PreviewSet set{newSetId(), {}};
    const std::string dir = m_options.workDir + "/" + set.id;
    if (!makePrivateDir(dir)) return ioError("notice preview", "cannot create " + dir);

    // As residents will see it: on the terminal's clock at the moment it is published.
    // --fixed-time has minutes, so the notice is published at the start of that minute.
    const std::int64_t shownAt = std::max(notice.publish_at, now) / 60 * 60;
    protocol::Notice n = notice;
    n.id = kNoticeId;
    n.revision = 1;
    n.retracted = false;
    n.publish_at = shownAt;
    if (n.expire_at && *n.expire_at <= shownAt) n.expire_at.reset();
    const std::string feedFile = dir + "/notice.json";
    if (!writePrivateFile(feedFile, protocol::encode(protocol::NoticeFeed{{n}, "0", false})))
        return ioError("notice preview", "cannot write " + feedFile);

    const auto& wanted = variants(n.title_en.has_value() && !n.title_en->empty());
    std::vector<std::future<Result<bool>>> runs;
    for (const std::string& variant : wanted)
        runs.push_back(std::async(std::launch::async, [&, variant] {
            return renderVariant(dir, feedFile, variant, localMinute(shownAt));
        }));
    std::optional<Error> failure;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        auto drawn = runs[i].get();
        if (!drawn) {
            if (!failure) failure = drawn.error();
            continue;
        }
        set.images.push_back({wanted[i], dir + "/" + wanted[i] + ".png"});
    }
    if (failure) {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
        return *failure;
    }
    return set;
}

Result<bool> NoticePreviewer::renderVariant(const std::string& dir, const std::string& feedFile,
                                            const std::string& variant,
                                            const std::string& shownAt) {
    const std::string base = dir + "/" + variant;
    const std::string data = base + "-data";
    if (!makePrivateDir(data)) return ioError("notice preview", "cannot create " + data);
    std::string config = "[paths]\ndata = " + tomlString(data) +
                         "\ndemo_notices = " + tomlString(feedFile) + "\n";
    if (!m_options.assetsDir.empty())
        config += "assets = " + tomlString(m_options.assetsDir) + "\n";
    const bool english = variant.ends_with("-en");
    std::string script = english ? "tap footer.language\n" : "";
    script += "tap home.tile.notices\ntap notices.item." + std::string(kNoticeId) +
              "\nshot " + variant + "\n";
    if (!writePrivateFile(base + ".toml", config) || !writePrivateFile(base + ".script", script))
        return ioError("notice preview", "cannot write into " + dir);

    ChildRun run;
    run.argv = {m_options.terminalBinary, "--headless", "--config", base + ".toml",
                "--script", base + ".script", "--screenshots", dir,
                "--orientation", variant.starts_with("landscape") ? "landscape" : "portrait",
                "--fixed-time", shownAt};
    if (variant.find("-large") != std::string::npos) run.argv.push_back("--large-text");
    run.env = {"SDL_VIDEODRIVER=offscreen"};
    run.stdoutFile = base + ".log";
    run.timeout = m_options.timeout;
    auto code = runChild(run);
    std::error_code ignored;
    fs::remove_all(data, ignored);
    if (!code) return code.error();
    if (code.value() != 0 || !fs::exists(base + ".png")) {
        spdlog::warn("notice preview {}: the terminal ended with {}: {}", variant, code.value(),
                     lastLine(base + ".log"));
        return ioError("notice preview", "the terminal could not draw the " + variant + " preview");
    }
    return true;
}

std::optional<std::string> NoticePreviewer::imageFile(const std::string& setId,
                                                      const std::string& variant) const {
    if (!validSetId(setId)) return std::nullopt;
    for (const std::string& known : variants(true))
        if (known == variant) {
            const std::string file = m_options.workDir + "/" + setId + "/" + variant + ".png";
            std::error_code ec;
            if (fs::is_regular_file(file, ec)) return file;
        }
    return std::nullopt;
}

void NoticePreviewer::dropOld(std::int64_t now) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_options.workDir, ec)) {
        struct stat st {};
        if (!validSetId(entry.path().filename().string()) ||
            ::stat(entry.path().c_str(), &st) != 0)
            continue;
        if (now - static_cast<std::int64_t>(st.st_mtime) > m_options.keepSeconds) {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }
}

}  // namespace homedesk::hq
