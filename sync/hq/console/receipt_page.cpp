// The receipt's phone page: its rate limits, the page for a ticket, and the 404 / 429 pages.
#include "sync/hq/console/receipt_page.hpp"

#include <optional>

#include <spdlog/spdlog.h>

#include <array>
#include <ctime>

#include "sync/hq/hq_store.hpp"

namespace homedesk::hq {
namespace {

constexpr std::int64_t kChinaOffset_s = 8 * 3600;  // the estates' time (UTC+8, no DST)

struct Stage {
    const char* status;
    const char* zh;
    const char* en;
};
constexpr std::array<Stage, 6> kStages{{{"submitted", "已提交", "Submitted"},
                                        {"accepted", "已受理", "Accepted"},
                                        {"dispatched", "已派单", "Dispatched"},
                                        {"in_progress", "处理中", "In progress"},
                                        {"resolved", "已完成", "Resolved"},
                                        {"callback_done", "已回访", "Called back"}}};

std::string when(std::int64_t at) {
    const std::time_t t = static_cast<std::time_t>(at + kChinaOffset_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
    return text;
}

std::string kindWords(const std::string& kind) {
    if (kind == "repair") return "报修 Repair";
    if (kind == "complaint") return "投诉 Complaint";
    if (kind == "followup") return "回访跟进 Follow-up";
    return htmlEscape(kind);
}

// The terminal's words for a category (assets/i18n), Chinese then English; an unknown code is
// shown escaped as it is.
std::string categoryWords(const std::string& kind, const std::string& category) {
    struct Words {
        const char* code;
        const char* words;
    };
    static constexpr Words kRepair[] = {
        {"water_electric", "水电 Water & electric"}, {"doors_windows", "门窗 Doors & windows"},
        {"elevator", "电梯 Lift"},                    {"lighting", "公共照明 Lighting"},
        {"pipes", "管道疏通 Pipes & drains"},         {"gas", "燃气 Gas"},
        {"other", "其他 Other"}};
    static constexpr Words kComplaint[] = {{"service", "服务态度 Staff & service"},
                                           {"environment", "环境卫生 Cleaning & environment"},
                                           {"security", "安全秩序 Safety & order"},
                                           {"facilities", "公共设施 Shared facilities"},
                                           {"fees", "收费问题 Fees"},
                                           {"neighbours", "邻里纠纷 Neighbours"},
                                           {"suggestion", "意见建议 A suggestion"},
                                           {"other", "其他 Other"}};
    auto find = [&](const auto& table) -> std::optional<std::string> {
        for (const Words& w : table)
            if (category == w.code) return std::string(w.words);
        return std::nullopt;
    };
    const auto words = kind == "complaint" ? find(kComplaint) : find(kRepair);
    return words ? *words : htmlEscape(category);
}

std::string page(const std::string& title, const std::string& main) {
    return "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"referrer\" content=\"no-referrer\">"
           "<title>" +
           title +
           "</title><style>"
           "body{font-family:sans-serif;margin:0 auto;max-width:36em;padding:1em;line-height:1.5;"
           "color:#222}h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}.en{color:#555;"
           "font-size:.9em}ol{padding-left:1.2em}li.done{font-weight:bold}li.todo{color:#888}"
           "table{border-collapse:collapse}td{padding:.2em .6em .2em 0;vertical-align:top}"
           "</style></head><body>\n" +
           main + "\n</body></html>\n";
}

ConsoleResponse htmlAnswer(int status, std::string body) {
    ConsoleResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = std::move(body);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

std::string promise(const char* zh, const char* en, const std::optional<std::int64_t>& due,
                    const std::optional<std::int64_t>& met) {
    if (!due) return {};
    std::string state;
    if (met)
        state = *met <= *due ? "按时 on time" : "超时 late";
    else
        state = "进行中 pending";
    return "<tr><td>" + std::string(zh) + " <span class=\"en\">" + en + "</span></td><td>" +
           when(*due) + "</td><td>" + (met ? when(*met) : std::string("—")) + "</td><td>" + state +
           "</td></tr>";
}

}  // namespace

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string renderReceipt(const ReceiptView& v, std::int64_t) {
    std::size_t reached = 0;
    for (std::size_t i = 0; i < kStages.size(); ++i)
        if (v.status == kStages[i].status) reached = i;
    std::string main =
        "<h1>工单 " + htmlEscape(v.number) + " <span class=\"en\">Ticket</span></h1>";
    main += "<p>" + kindWords(v.kind);
    if (!v.category.empty()) main += " · " + categoryWords(v.kind, v.category);
    main += "</p>\n<h2>进度 <span class=\"en\">Progress</span></h2><ol>";
    for (std::size_t i = 0; i < kStages.size(); ++i) {
        std::optional<std::int64_t> at;
        if (i == 0) at = v.created_at;
        for (const auto& c : v.changes)
            if (!at && c.status == kStages[i].status) at = c.at;
        main += std::string("<li class=\"") + (i <= reached ? "done" : "todo") + "\">" +
                kStages[i].zh + " <span class=\"en\">" + kStages[i].en + "</span>";
        if (i <= reached && at) main += " — " + when(*at);
        main += "</li>";
    }
    main += "</ol>\n";
    const std::string promises = promise("响应", "Response", v.response_due_at, v.response_met_at) +
                                 promise("完成", "Resolution", v.resolve_due_at, v.resolved_at) +
                                 promise("回访", "Callback", v.callback_due_at, v.callback_met_at);
    if (!promises.empty())
        main +=
            "<h2>承诺时间 <span class=\"en\">Promised times</span></h2><table><tr><td></td>"
            "<td>期限 Due</td><td>实际 Done</td><td></td></tr>" +
            promises + "</table>\n";
    std::string notes;
    for (const auto& c : v.changes)
        if (!c.note.empty()) notes += "<li>" + when(c.at) + " — " + htmlEscape(c.note) + "</li>";
    if (!notes.empty())
        main += "<h2>处理说明 <span class=\"en\">Notes</span></h2><ul>" + notes + "</ul>\n";
    main += "<p class=\"en\">时间为北京时间 Times are China Standard Time (UTC+8).</p>";
    return page("工单 " + htmlEscape(v.number), main);
}

ReceiptPage::ReceiptPage(HqStore& store, ReceiptLimits limits) : m_store(store), m_limits(limits) {}

bool ReceiptPage::limited(const std::string& address, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    if (m_seen.size() > 20000)  // forget addresses quiet for an hour
        for (auto it = m_seen.begin(); it != m_seen.end();) {
            const auto& s = it->second;
            const std::int64_t last = std::max(s.lookups.empty() ? 0 : s.lookups.back(),
                                               s.wrong.empty() ? 0 : s.wrong.back());
            it = now - last >= 3600 ? m_seen.erase(it) : std::next(it);
        }
    Seen& s = m_seen[address];
    while (!s.lookups.empty() && now - s.lookups.front() >= 60) s.lookups.pop_front();
    while (!s.wrong.empty() && now - s.wrong.front() >= 3600) s.wrong.pop_front();
    if (s.lookups.size() >= m_limits.per_minute || s.wrong.size() >= m_limits.wrong_per_hour)
        return true;
    s.lookups.push_back(now);
    return false;
}

void ReceiptPage::countWrong(const std::string& address, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    m_seen[address].wrong.push_back(now);
}

ConsoleResponse ReceiptPage::handle(const std::string& code, const std::string& address,
                                    std::int64_t now) {
    if (limited(address, now)) {
        spdlog::warn("receipt page: {} rate limited", address);
        ConsoleResponse r =
            htmlAnswer(429, page("请稍后再试",
                                 "<h1>查询太频繁，请稍后再试</h1><p class=\"en\">Too many "
                                 "look-ups. Please try again later.</p>"));
        r.headers.emplace_back("Retry-After", "60");
        return r;
    }
    bool wellFormed = code.size() == 8;
    for (char ch : code) wellFormed = wellFormed && ch >= '0' && ch <= '9';
    if (wellFormed) {
        auto view = m_store.receiptByCode(code);
        if (!view) {
            spdlog::error("receipt page: {}", view.error().message);
            return htmlAnswer(500, page("出错了",
                                        "<h1>暂时无法查询</h1><p class=\"en\">The "
                                        "service is unavailable. Please try again "
                                        "later.</p>"));
        }
        if (view.value()) return htmlAnswer(200, renderReceipt(*view.value(), now));
    }
    countWrong(address, now);
    return htmlAnswer(404, page("没有找到",
                                "<h1>没有找到这张工单</h1><p>请核对回执上的查询码。</p>"
                                "<p class=\"en\">No ticket with this code. Please "
                                "check the code on your receipt.</p>"));
}

}  // namespace homedesk::hq
