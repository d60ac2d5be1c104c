// Internal to sync/protocol: one toJson / readJson pair per message, used by codec.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include "sync/protocol/codec.hpp"
#include "sync/protocol/field_reader.hpp"

namespace homedesk::protocol::detail {

#define HOMEDESK_PROTOCOL_MESSAGE(T)            \
    void toJson(nlohmann::json& j, const T& m); \
    void readJson(FieldReader& r, T& m);

HOMEDESK_PROTOCOL_MESSAGE(EnrollRequest)
HOMEDESK_PROTOCOL_MESSAGE(EnrollResponse)
HOMEDESK_PROTOCOL_MESSAGE(Submission)
HOMEDESK_PROTOCOL_MESSAGE(SubmissionBatch)
HOMEDESK_PROTOCOL_MESSAGE(SubmissionResult)
HOMEDESK_PROTOCOL_MESSAGE(SubmissionBatchResult)
HOMEDESK_PROTOCOL_MESSAGE(Notice)
HOMEDESK_PROTOCOL_MESSAGE(NoticeFeed)
HOMEDESK_PROTOCOL_MESSAGE(TicketStatusChange)
HOMEDESK_PROTOCOL_MESSAGE(TicketStatusFeed)
HOMEDESK_PROTOCOL_MESSAGE(Building)
HOMEDESK_PROTOCOL_MESSAGE(TerminalConfig)
HOMEDESK_PROTOCOL_MESSAGE(NoticeDisplay)
HOMEDESK_PROTOCOL_MESSAGE(Heartbeat)
HOMEDESK_PROTOCOL_MESSAGE(HeartbeatAck)
HOMEDESK_PROTOCOL_MESSAGE(ErrorBody)

#undef HOMEDESK_PROTOCOL_MESSAGE

// Reads array `key` of objects into `out` with one child reader per element.
template <typename T>
void readArray(FieldReader& r, const char* key, std::size_t maxItems, std::vector<T>& out) {
    const nlohmann::json* items = r.array(key, maxItems);
    if (!items) return;
    for (std::size_t i = 0; i < items->size() && r.ok(); ++i) {
        FieldReader child((*items)[i], r.childPath(key, i));
        T item{};
        readJson(child, item);
        if (!child.ok()) {
            r.failWith(child.error());
            return;
        }
        out.push_back(std::move(item));
    }
}

template <typename T>
nlohmann::json arrayJson(const std::vector<T>& items) {
    nlohmann::json a = nlohmann::json::array();
    for (const T& item : items) {
        nlohmann::json j;
        toJson(j, item);
        a.push_back(std::move(j));
    }
    return a;
}

}  // namespace homedesk::protocol::detail
