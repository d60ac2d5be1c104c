// The body of every 4xx/5xx answer: {"error": {"code", "message", "retryable"}}.
#pragma once

#include "sync/protocol/protocol_error.hpp"

namespace homedesk::protocol {

struct ErrorBody {
    ProtocolError error;
};

}  // namespace homedesk::protocol
