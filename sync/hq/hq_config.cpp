// Reads [sla], [console] and [server] of the head office's TOML file, strictly (types, ranges,
// known keys).
#include "sync/hq/hq_config.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>

namespace homedesk::hq {
namespace {

class Reader {
  public:
    Reader(const toml::table& root, std::string source)
        : m_root(root), m_source(std::move(source)) {}
    std::optional<Error> error;

    // Minutes in the file, seconds in the policy.
    void minutes(std::string_view table, std::string_view key, std::int64_t& seconds) {
        std::int64_t m = seconds / 60;
        integer(table, key, m, 1, 60 * 24 * 365);
        seconds = m * 60;
    }
    void integer(std::string_view table, std::string_view key, std::int64_t& out, std::int64_t min,
                 std::int64_t max) {
        const toml::node* node = find(table, key);
        if (!node) return;
        const auto* v = node->as_integer();
        if (!v || v->get() < min || v->get() > max)
            return fail(table, key,
                        "must be a whole number from " + std::to_string(min) + " to " +
                            std::to_string(max));
        out = v->get();
    }
    void size(std::string_view table, std::string_view key, std::size_t& out, std::int64_t min,
              std::int64_t max) {
        std::int64_t v = static_cast<std::int64_t>(out);
        integer(table, key, v, min, max);
        out = static_cast<std::size_t>(v);
    }
    void count(std::string_view table, std::string_view key, int& out, std::int64_t min,
               std::int64_t max) {
        std::int64_t v = out;
        integer(table, key, v, min, max);
        out = static_cast<int>(v);
    }
    void share(std::string_view table, std::string_view key, double& out) {
        const toml::node* node = find(table, key);
        if (!node) return;
        auto v = node->value<double>();
        if (!v || *v <= 0 || *v >= 1) return fail(table, key, "must be a number between 0 and 1");
        out = *v;
    }
    void text(std::string_view table, std::string_view key, std::string& out) {
        const toml::node* node = find(table, key);
        if (!node) return;
        auto v = node->value<std::string>();
        if (!v || v->empty() || v->size() > 1024) return fail(table, key, "must be a string");
        out = *v;
    }
    void knownKeys(std::string_view table, std::initializer_list<std::string_view> keys) {
        const auto* t = m_root.get_as<toml::table>(table);
        if (!t) return;
        for (const auto& [key, node] : *t) {
            bool known = false;
            for (auto k : keys) known |= key.str() == k;
            if (!known) fail(table, key.str(), "is not a setting the head office knows (a typo?)");
        }
    }

  private:
    const toml::node* find(std::string_view table, std::string_view key) {
        const auto* t = m_root.get_as<toml::table>(table);
        return t ? t->get(key) : nullptr;
    }
    void fail(std::string_view table, std::string_view key, const std::string& what) {
        if (!error)
            error =
                invalidInput(m_source, std::string(table) + "." + std::string(key) + " " + what);
    }
    const toml::table& m_root;
    std::string m_source;
};

}  // namespace

Result<HqConfig> loadHqConfig(const std::string& path) {
    HqConfig c;
    if (path.empty()) return c;
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return invalidInput(path, std::string(e.description()));
    }
    Reader r(root, path);
    SlaPolicy& s = c.sla;
    r.minutes("sla", "urgent_repair_response_minutes", s.urgent_repair_response_s);
    r.minutes("sla", "urgent_repair_resolve_minutes", s.urgent_repair_resolve_s);
    r.minutes("sla", "repair_response_minutes", s.repair_response_s);
    r.minutes("sla", "repair_resolve_minutes", s.repair_resolve_s);
    r.minutes("sla", "complaint_response_minutes", s.complaint_response_s);
    r.minutes("sla", "complaint_resolve_minutes", s.complaint_resolve_s);
    r.minutes("sla", "followup_response_minutes", s.followup_response_s);
    r.minutes("sla", "followup_resolve_minutes", s.followup_resolve_s);
    r.minutes("sla", "callback_minutes", s.callback_s);
    r.minutes("sla", "escalate_gm_after_minutes", s.escalate_gm_after_s);
    r.share("sla", "warn_share", s.warn_share);
    r.knownKeys("sla", {"urgent_repair_response_minutes", "urgent_repair_resolve_minutes",
                        "repair_response_minutes", "repair_resolve_minutes",
                        "complaint_response_minutes", "complaint_resolve_minutes",
                        "followup_response_minutes", "followup_resolve_minutes", "callback_minutes",
                        "escalate_gm_after_minutes", "warn_share"});
    r.text("console", "dir", c.console_dir);
    r.text("console", "public_url", c.public_url);
    r.integer("console", "session_hours", c.session_hours, 1, 24);
    r.integer("console", "idle_minutes", c.idle_minutes, 1, 24 * 60);
    r.text("console", "terminal", c.terminal);
    r.text("console", "terminal_assets", c.terminal_assets);
    r.text("console", "preview_dir", c.preview_dir);
    r.knownKeys("console", {"dir", "public_url", "session_hours", "idle_minutes", "terminal",
                            "terminal_assets", "preview_dir"});
    ServerLimits& l = c.server;
    constexpr std::int64_t kMiB = 1024 * 1024;
    r.size("server", "header_bytes", l.header_bytes, 1024, kMiB);
    r.count("server", "head_timeout_s", l.head_timeout_s, 1, 300);
    r.count("server", "body_timeout_s", l.body_timeout_s, 1, 600);
    r.count("server", "idle_timeout_s", l.idle_timeout_s, 1, 3600);
    r.count("server", "write_timeout_s", l.write_timeout_s, 1, 600);
    r.size("server", "enroll_body_bytes", l.enroll_body_bytes, 256, kMiB);
    r.size("server", "batch_body_bytes", l.batch_body_bytes, 1024, 16 * kMiB);
    r.size("server", "api_body_bytes", l.api_body_bytes, 1024, 16 * kMiB);
    r.size("server", "console_body_bytes", l.console_body_bytes, 1024, 16 * kMiB);
    r.size("server", "body_budget_bytes", l.body_budget_bytes, kMiB, 4096 * kMiB);
    r.count("server", "connections_per_address", l.connections_per_address, 1, 1000000);
    r.count("server", "connections_total", l.connections_total, 1, 1000000);
    r.count("server", "polls_per_terminal", l.polls_per_terminal, 1, 16);
    r.knownKeys("server", {"header_bytes", "head_timeout_s", "body_timeout_s", "idle_timeout_s",
                           "write_timeout_s", "enroll_body_bytes", "batch_body_bytes",
                           "api_body_bytes", "console_body_bytes", "body_budget_bytes",
                           "connections_per_address", "connections_total",
                           "polls_per_terminal"});
    if (r.error) return *r.error;
    if (!c.public_url.empty() && c.public_url.rfind("https://", 0) != 0)
        return invalidInput(path, "console.public_url must start with https://");
    return c;
}

}  // namespace homedesk::hq
