#include "sync/protocol/protocol_error.hpp"

#include <array>
#include <utility>

namespace homedesk::protocol {
namespace {

struct Row {
    ErrorCode code;
    std::string_view name;
    int status;
    bool retryable;
};

constexpr std::array<Row, 14> kRows{{
    {ErrorCode::BadRequest, "bad_request", 400, false},
    {ErrorCode::Unauthorized, "unauthorized", 401, false},
    {ErrorCode::Forbidden, "forbidden", 403, false},
    {ErrorCode::NotFound, "not_found", 404, false},
    {ErrorCode::Conflict, "conflict", 409, false},
    {ErrorCode::PayloadTooLarge, "payload_too_large", 413, false},
    {ErrorCode::VersionUnsupported, "version_unsupported", 400, false},
    {ErrorCode::RateLimited, "rate_limited", 429, true},
    {ErrorCode::ServerError, "server_error", 500, true},
    {ErrorCode::Unavailable, "unavailable", 503, true},
    {ErrorCode::Network, "network", 0, true},
    {ErrorCode::Timeout, "timeout", 0, true},
    {ErrorCode::Tls, "tls", 0, false},
    {ErrorCode::BadResponse, "bad_response", 0, true},
}};

const Row& row(ErrorCode code) {
    for (const Row& r : kRows)
        if (r.code == code) return r;
    return kRows[8];  // server_error
}

}  // namespace

bool ProtocolError::retryable() const { return row(code).retryable; }

bool ProtocolError::fatal() const {
    return code == ErrorCode::Unauthorized || code == ErrorCode::Forbidden ||
           code == ErrorCode::Tls || code == ErrorCode::VersionUnsupported;
}

int ProtocolError::httpStatus() const { return row(code).status; }

Error ProtocolError::toError() const {
    Error::Kind kind = Error::Kind::Internal;
    switch (code) {
        case ErrorCode::BadRequest:
        case ErrorCode::Conflict:
        case ErrorCode::PayloadTooLarge:
        case ErrorCode::VersionUnsupported: kind = Error::Kind::InvalidInput; break;
        case ErrorCode::NotFound: kind = Error::Kind::NotFound; break;
        case ErrorCode::Network:
        case ErrorCode::Timeout:
        case ErrorCode::Unavailable:
        case ErrorCode::RateLimited: kind = Error::Kind::Unavailable; break;
        case ErrorCode::Tls:
        case ErrorCode::BadResponse: kind = Error::Kind::Io; break;
        default: break;
    }
    return {kind, "protocol:" + std::string(wireName(code)), message, retryable()};
}

std::string_view wireName(ErrorCode code) { return row(code).name; }

std::optional<ErrorCode> errorCodeFromWire(std::string_view name) {
    for (const Row& r : kRows)
        if (r.name == name && r.status != 0) return r.code;
    return std::nullopt;
}

ErrorCode errorCodeForHttpStatus(int status) {
    switch (status) {
        case 400: return ErrorCode::BadRequest;
        case 401: return ErrorCode::Unauthorized;
        case 403: return ErrorCode::Forbidden;
        case 404: return ErrorCode::NotFound;
        case 409: return ErrorCode::Conflict;
        case 413: return ErrorCode::PayloadTooLarge;
        case 429: return ErrorCode::RateLimited;
        case 503: return ErrorCode::Unavailable;
        default: return status >= 500 ? ErrorCode::ServerError : ErrorCode::BadResponse;
    }
}

}  // namespace homedesk::protocol
