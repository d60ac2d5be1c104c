#include "sync/protocol/codec.hpp"

#include "sync/protocol/json_io.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {

Result<nlohmann::json> parseJson(std::string_view text) {
    if (text.size() > kMaxRequestBytes)
        return invalidInput("protocol", "message larger than " + std::to_string(kMaxRequestBytes) +
                                            " bytes");
    if (jsonDepth(text) > kMaxJsonDepth)
        return invalidInput("protocol", "JSON nested deeper than " +
                                            std::to_string(kMaxJsonDepth) + " levels");
    try {
        nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) return invalidInput("protocol", "not valid JSON (or not UTF-8)");
        return j;
    } catch (...) {
        return invalidInput("protocol", "not valid JSON");
    }
}

template <typename T>
std::string encode(const T& message) {
    nlohmann::json j;
    detail::toJson(j, message);
    // Replace, not throw, should a string hold invalid UTF-8.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <typename T>
Result<T> decode(std::string_view text) {
    try {
        auto parsed = parseJson(text);
        if (!parsed) return parsed.error();
        FieldReader reader(parsed.value(), "");
        T message{};
        detail::readJson(reader, message);
        if (!reader.ok()) return invalidInput("protocol", reader.error());
        return message;
    } catch (const std::exception& e) {
        return invalidInput("protocol", std::string("could not decode: ") + e.what());
    } catch (...) {
        return invalidInput("protocol", "could not decode");
    }
}

#define HOMEDESK_INSTANTIATE(T)                     \
    template std::string encode<T>(const T&);       \
    template Result<T> decode<T>(std::string_view);

HOMEDESK_INSTANTIATE(EnrollRequest)
HOMEDESK_INSTANTIATE(EnrollResponse)
HOMEDESK_INSTANTIATE(Submission)
HOMEDESK_INSTANTIATE(SubmissionBatch)
HOMEDESK_INSTANTIATE(SubmissionResult)
HOMEDESK_INSTANTIATE(SubmissionBatchResult)
HOMEDESK_INSTANTIATE(Notice)
HOMEDESK_INSTANTIATE(NoticeFeed)
HOMEDESK_INSTANTIATE(TicketStatusChange)
HOMEDESK_INSTANTIATE(TicketStatusFeed)
HOMEDESK_INSTANTIATE(TerminalConfig)
HOMEDESK_INSTANTIATE(Heartbeat)
HOMEDESK_INSTANTIATE(HeartbeatAck)
HOMEDESK_INSTANTIATE(ErrorBody)

}  // namespace homedesk::protocol
