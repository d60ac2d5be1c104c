// Internal to sync/hq: one function per endpoint, called by HqApi after routing (and, for all
// but enroll, after the bearer credential named a live terminal).
#pragma once

#include "base/result.hpp"
#include "sync/hq/api.hpp"
#include "sync/hq/hq_types.hpp"
#include "sync/protocol/protocol_error.hpp"

namespace homedesk::hq::detail {

struct Context {
    HqStore& store;
    NoticeHub* hub;
    const Clock& clock;
    const ApiRequest& request;
    AddressThrottle& enrollFailures;
};

ApiResponse errorResponse(protocol::ErrorCode code, const std::string& message);
// A store failure: 503 when a retry can help, 500 otherwise; the detail goes to the log only.
ApiResponse storeFailure(const Error& error);

template <typename T>
ApiResponse ok(const T& message, int status = 200);

ApiResponse enroll(const Context& c);
ApiResponse submissions(const Context& c, const TerminalRecord& t);
ApiResponse notices(const Context& c, const TerminalRecord& t);
ApiResponse ticketStatus(const Context& c, const TerminalRecord& t);
ApiResponse config(const Context& c, const TerminalRecord& t);
ApiResponse heartbeat(const Context& c, const TerminalRecord& t);

}  // namespace homedesk::hq::detail
