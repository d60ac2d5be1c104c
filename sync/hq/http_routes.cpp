#include "sync/hq/http_routes.hpp"

namespace homedesk::hq {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plusIsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

}  // namespace

bool consolePath(std::string_view path) {
    return path == "/console" || path.rfind("/console/", 0) == 0 || path.rfind("/t/", 0) == 0;
}

std::size_t bodyLimit(const ServerLimits& limits, std::string_view path) {
    if (path == "/api/v1/enroll") return limits.enroll_body_bytes;
    if (path == "/api/v1/submissions") return limits.batch_body_bytes;
    if (consolePath(path)) return limits.console_body_bytes;
    return limits.api_body_bytes;
}

Target splitTarget(std::string_view target) {
    Target t;
    const auto question = target.find('?');
    t.path = decode(target.substr(0, question), false);
    if (question == std::string_view::npos) return t;
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        std::string key = decode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1), true);
        t.query.emplace(std::move(key), std::move(value));
    }
    return t;
}

}  // namespace homedesk::hq
