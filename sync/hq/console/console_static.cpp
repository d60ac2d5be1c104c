// The console's static files: one directory, no listing, no way out of it (no "..", no hidden
// names, symlinks resolved and checked), a Content-Type from a short list of extensions.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sync/hq/console/console_handlers.hpp"

namespace homedesk::hq::console {
namespace {

std::string_view contentType(const std::filesystem::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json" || ext == ".webmanifest") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return {};
}

bool safeName(std::string_view file) {
    if (file.size() > 200) return false;
    std::size_t start = 0;
    while (start < file.size()) {
        std::size_t end = file.find('/', start);
        if (end == std::string_view::npos) end = file.size();
        const std::string_view part = file.substr(start, end - start);
        if (part.empty() || part.front() == '.') return false;  // "..", ".git", "//"
        for (char ch : part)
            if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' ||
                  ch == '.'))
                return false;
        start = end + 1;
    }
    return true;
}

ConsoleResponse missing() {
    ConsoleResponse r = consoleError(404, "not_found", "no such file");
    return r;
}

}  // namespace

ConsoleResponse staticFile(const std::string& dir, std::string_view file) {
    if (dir.empty()) return missing();
    if (file.empty()) file = "index.html";
    if (!safeName(file)) return missing();
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path root = fs::canonical(dir, ec);
    if (ec) return missing();
    const fs::path path = fs::canonical(root / fs::path(std::string(file)), ec);
    if (ec || !fs::is_regular_file(path, ec)) return missing();
    const std::string rootText = root.string() + "/";
    if (path.string().compare(0, rootText.size(), rootText) != 0) return missing();
    const std::string_view type = contentType(path);
    if (type.empty()) return missing();
    std::ifstream in(path, std::ios::binary);
    if (!in) return missing();
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ConsoleResponse r;
    r.status = 200;
    r.contentType = std::string(type);
    r.body = bytes.str();
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
}

}  // namespace homedesk::hq::console
