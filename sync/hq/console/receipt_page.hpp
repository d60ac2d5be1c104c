// The public phone page of a receipt, GET /t/<tracking code> (docs/console.md): server-rendered
// HTML, Chinese first then English, no script, nothing personal; every value HTML-escaped.
// Lookups are limited per client address (10 a minute, 30 wrong codes an hour) in memory.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "sync/hq/console/console_types.hpp"

namespace homedesk::hq {

struct ReceiptView;

struct ReceiptLimits {
    std::size_t per_minute = 10;
    std::size_t wrong_per_hour = 30;
};

class ReceiptPage {
public:
    explicit ReceiptPage(HqStore& store, ReceiptLimits limits = {});

    ConsoleResponse handle(const std::string& code, const std::string& address, std::int64_t now);

private:
    struct Seen {
        std::deque<std::int64_t> lookups;
        std::deque<std::int64_t> wrong;
    };
    bool limited(const std::string& address, std::int64_t now);
    void countWrong(const std::string& address, std::int64_t now);

    HqStore& m_store;
    ReceiptLimits m_limits;
    std::mutex m_mutex;
    std::map<std::string, Seen> m_seen;
};

// Text made safe for HTML element content and quoted attribute values.
std::string htmlEscape(std::string_view text);
// The page for a found ticket (tests look at it directly too).
std::string renderReceipt(const ReceiptView& view, std::int64_t now);

}  // namespace homedesk::hq
