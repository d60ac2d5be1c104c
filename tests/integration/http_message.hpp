// Just enough HTTP/1.1 framing for the fault proxy: read one request or response off a TLS
// link, byte for byte as sent (Content-Length or chunked bodies), so it can be forwarded,
// inspected, cut short or dropped.
#pragma once

#include <optional>
#include <string>

#include "tests/integration/tls_link.hpp"

namespace homedesk::testing {

struct HttpMessage {
    std::string head;       // start line and headers, through the blank line
    std::string body;       // the body as on the wire (chunked framing kept)
    std::string startLine;  // "POST /api/v1/submissions HTTP/1.1" or "HTTP/1.1 200 OK"
    std::string method, path;  // requests
    int status = 0;            // responses
    bool chunked = false;
    std::string wire() const { return head + body; }
    // The body with chunked framing removed.
    std::string content() const;
};

// `buffer` keeps bytes that arrived past this message (pipelining). Empty when the stream
// ended, failed or did not hold HTTP.
std::optional<HttpMessage> readMessage(TlsLink& link, std::string& buffer, bool response);

// An HTTP response with a JSON body, as the head office would write it.
std::string jsonResponse(int status, const std::string& reason, const std::string& json);

}  // namespace homedesk::testing
