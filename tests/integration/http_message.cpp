#include "tests/integration/http_message.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace homedesk::testing {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The value of a header (case-insensitive name), trimmed; empty when absent.
std::string header(const std::string& head, const std::string& name) {
    const std::string h = lower(head);
    const std::string key = "\r\n" + lower(name) + ":";
    const auto at = h.find(key);
    if (at == std::string::npos) return {};
    auto begin = at + key.size();
    const auto end = head.find("\r\n", begin);
    while (begin < end && head[begin] == ' ') ++begin;
    return head.substr(begin, end - begin);
}

bool fill(TlsLink& link, std::string& buffer, std::size_t atLeast) {
    while (buffer.size() < atLeast)
        if (!link.readSome(buffer)) return false;
    return true;
}

// Reads chunks until the last one and its trailer; returns the framed bytes.
std::optional<std::string> readChunked(TlsLink& link, std::string& buffer) {
    std::size_t pos = 0;
    for (;;) {
        std::size_t eol;
        while ((eol = buffer.find("\r\n", pos)) == std::string::npos)
            if (!link.readSome(buffer)) return std::nullopt;
        const std::size_t size = std::strtoul(buffer.c_str() + pos, nullptr, 16);
        pos = eol + 2;
        if (size == 0) {
            while (buffer.find("\r\n", pos) == std::string::npos)  // (no trailers expected)
                if (!link.readSome(buffer)) return std::nullopt;
            pos = buffer.find("\r\n", pos) + 2;
            std::string framed = buffer.substr(0, pos);
            buffer.erase(0, pos);
            return framed;
        }
        if (!fill(link, buffer, pos + size + 2)) return std::nullopt;
        pos += size + 2;
    }
}

}  // namespace

std::string HttpMessage::content() const {
    if (!chunked) return body;
    std::string out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        const auto eol = body.find("\r\n", pos);
        if (eol == std::string::npos) break;
        const std::size_t size = std::strtoul(body.c_str() + pos, nullptr, 16);
        if (size == 0) break;
        out += body.substr(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
    return out;
}

std::optional<HttpMessage> readMessage(TlsLink& link, std::string& buffer, bool response) {
    std::size_t end;
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (buffer.size() > 64 * 1024 || !link.readSome(buffer)) return std::nullopt;
    }
    HttpMessage m;
    m.head = buffer.substr(0, end + 4);
    buffer.erase(0, end + 4);
    m.startLine = m.head.substr(0, m.head.find("\r\n"));
    const auto sp1 = m.startLine.find(' ');
    const auto sp2 = m.startLine.find(' ', sp1 + 1);
    if (sp1 == std::string::npos) return std::nullopt;
    if (response) {
        m.status = std::atoi(m.startLine.c_str() + sp1 + 1);
    } else {
        m.method = m.startLine.substr(0, sp1);
        m.path = m.startLine.substr(sp1 + 1,
                                    sp2 == std::string::npos ? std::string::npos : sp2 - sp1 - 1);
    }
    m.chunked = lower(header(m.head, "Transfer-Encoding")).find("chunked") != std::string::npos;
    if (m.chunked) {
        auto framed = readChunked(link, buffer);
        if (!framed) return std::nullopt;
        m.body = std::move(*framed);
        return m;
    }
    const std::string length = header(m.head, "Content-Length");
    const std::size_t size = length.empty() ? 0 : std::strtoull(length.c_str(), nullptr, 10);
    if (!fill(link, buffer, size)) return std::nullopt;
    m.body = buffer.substr(0, size);
    buffer.erase(0, size);
    return m;
}

std::string jsonResponse(int status, const std::string& reason, const std::string& json) {
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(json.size()) +
           "\r\nConnection: close\r\n\r\n" + json;
}

}  // namespace homedesk::testing
