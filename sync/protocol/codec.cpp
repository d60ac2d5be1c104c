#include "sync/protocol/codec.hpp"

#include "sync/protocol/json_io.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {
namespace {

// Counts values with nlohmann's SAX interface, building nothing, and stops at `stopAt`: a
// message of half a million empty objects is refused before a tree of them exists.
class ValueCounter : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit ValueCounter(std::size_t stopAt) : m_stopAt(stopAt) {}
    std::size_t count() const { return m_count; }
    bool null() override { return more(); }
    bool boolean(bool) override { return more(); }
    bool number_integer(number_integer_t) override { return more(); }
    bool number_unsigned(number_unsigned_t) override { return more(); }
    bool number_float(number_float_t, const string_t&) override { return more(); }
    bool string(string_t&) override { return more(); }
    bool binary(binary_t&) override { return more(); }
    bool start_object(std::size_t) override { return more(); }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return more(); }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;  // the real parse below says what is wrong
    }

private:
    bool more() { return ++m_count < m_stopAt; }
    std::size_t m_stopAt;
    std::size_t m_count = 0;
};

std::size_t countJsonValues(std::string_view text, std::size_t stopAt) {
    ValueCounter counter(stopAt);
    nlohmann::json::sax_parse(text, &counter, nlohmann::json::input_format_t::json, false);
    return counter.count();
}

}  // namespace

Result<nlohmann::json> parseJson(std::string_view text) {
    if (text.size() > kMaxRequestBytes)
        return invalidInput("protocol", "message larger than " + std::to_string(kMaxRequestBytes) +
                                            " bytes");
    if (jsonDepth(text) > kMaxJsonDepth)
        return invalidInput("protocol", "JSON nested deeper than " +
                                            std::to_string(kMaxJsonDepth) + " levels");
    try {
        if (countJsonValues(text, kMaxJsonElements + 1) > kMaxJsonElements)
            return invalidInput("protocol", "JSON with more than " +
                                                std::to_string(kMaxJsonElements) + " values");
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
