#include "tests/ui/run_kiosk.hpp"

#include <stb_image.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace homedesk::test {

namespace fs = std::filesystem;

static std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

nlohmann::json KioskRun::shot(const std::string& name) const {
    std::ifstream in(shots / (name + ".json"));
    if (!in) throw std::runtime_error("no widget list for shot " + name + "; output:\n" + output);
    return nlohmann::json::parse(in);
}

KioskRun runKiosk(const std::string& script, const std::vector<std::string>& flags) {
    static std::atomic<int> counter{0};
    const fs::path dir = fs::temp_directory_path() /
                         ("homedesk-ui-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream(dir / "script.txt") << script;
    }
    // Under the sanitizer build, Mesa's GL drivers leak at exit from modules already unloaded
    // (no symbols to suppress by), so the GL program runs without LeakSanitizer; ASan's memory
    // errors and UBSan stay on. The unit tests keep leak detection.
    std::string cmd = "ASAN_OPTIONS=detect_leaks=0 " + quote(HOMEDESK_BINARY) + " --headless --fixed-time '2026-11-23 09:30'" +
                      " --assets " + quote(HOMEDESK_ASSETS_DIR) + " --script " +
                      quote((dir / "script.txt").string()) + " --screenshots " + quote((dir / "shots").string());
    for (const auto& f : flags) cmd += " " + quote(f);
    // Every run gets its own database unless the test names one.
    if (std::find(flags.begin(), flags.end(), "--data") == flags.end()) cmd += " --data " + quote((dir / "data").string());
    cmd += " 2>&1";

    KioskRun run;
    run.shots = dir / "shots";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start " + cmd);
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

Image loadPng(const fs::path& path) {
    Image img;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 4);
    if (!data) throw std::runtime_error("cannot read " + path.string());
    img.rgba.assign(data, data + static_cast<size_t>(img.width) * img.height * 4);
    stbi_image_free(data);
    return img;
}

std::filesystem::path freshDataDir(const std::string& suite, const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("homedesk-" + suite + "-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    return dir;
}

std::string keypadTaps(const std::string& digits) {
    std::string out;
    for (char c : digits) out += std::string("tap keypad.") + (c == '-' ? "dash" : std::string(1, c)) + "\n";
    return out;
}

}  // namespace homedesk::test
