// Errors of the wire contract: a stable code (sent in every 4xx/5xx body), its HTTP status, and
// whether trying the same request again can help. Client-side codes cover the transport.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace homedesk::protocol {

enum class ErrorCode {
    BadRequest,          // 400 malformed or invalid; fix the request, do not retry it
    Unauthorized,        // 401 missing, unknown or revoked credential: enroll again
    Forbidden,           // 403 the credential may not do this
    NotFound,            // 404
    Conflict,            // 409 same client_id, different content; or code already used
    PayloadTooLarge,     // 413
    VersionUnsupported,  // 400 protocol version the head office does not speak
    RateLimited,         // 429
    ServerError,         // 500
    Unavailable,         // 503 overloaded or shutting down
    // Client-side only, never on the wire:
    Network,      // connect refused, reset, DNS
    Timeout,      // connect / low-speed / overall timeout
    Tls,          // certificate refused: never retried silently with weaker checks
    BadResponse,  // the head office answered something that does not decode
};

struct ProtocolError {
    ErrorCode code = ErrorCode::ServerError;
    std::string message;

    bool retryable() const;
    // Fatal for the terminal's sync loop until a person acts (re-enroll, fix certificates).
    bool fatal() const;
    int httpStatus() const;
    Error toError() const;
};

std::string_view wireName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromWire(std::string_view name);
// For a response whose body did not name a code.
ErrorCode errorCodeForHttpStatus(int status);

}  // namespace homedesk::protocol
