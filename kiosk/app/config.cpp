#include "kiosk/app/config.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "kiosk/core/utf8.hpp"

namespace homedesk::app {

float Config::pxPerMm() const {
    const float w = static_cast<float>(width()), h = static_cast<float>(height());
    const float diagonalPx = std::sqrt(w * w + h * h);
    return diagonalPx / (panelInches * 25.4f);
}

Result<Orientation> parseOrientation(std::string_view text) {
    if (text == "portrait") return Orientation::Portrait;
    if (text == "landscape") return Orientation::Landscape;
    return invalidInput("orientation", "\"" + std::string(text) +
                                           "\" is not an orientation: use \"portrait\" or \"landscape\"");
}

namespace {

// Reads one key of a table into `out`, checking its type and range; absent keys keep defaults.
class Reader {
public:
    Reader(const toml::table& root, std::string source) : m_root(root), m_source(std::move(source)) {}

    std::optional<Error> error;

    void boolean(std::string_view table, std::string_view key, bool& out) {
        if (auto node = find(table, key)) {
            // Strict types: toml++'s value<bool>() would take 1 for true.
            if (const auto* v = node->as_boolean()) out = v->get();
            else fail(table, key, "must be true or false");
        }
    }
    void integer(std::string_view table, std::string_view key, int& out, int min, int max) {
        if (auto node = find(table, key)) {
            const auto* n = node->as_integer();
            const std::optional<int64_t> v = n ? std::optional<int64_t>(n->get()) : std::nullopt;
            if (!v || *v < min || *v > max)
                fail(table, key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
            else out = static_cast<int>(*v);
        }
    }
    void number(std::string_view table, std::string_view key, float& out, float min, float max) {
        if (auto node = find(table, key)) {
            auto v = node->value<double>();
            if (!v || *v < min || *v > max)
                fail(table, key, "must be a number from " + trim(min) + " to " + trim(max));
            else out = static_cast<float>(*v);
        }
    }
    void text(std::string_view table, std::string_view key, std::string& out, size_t maxChars = 64) {
        if (auto node = find(table, key)) {
            auto v = node->value<std::string>();
            if (!v) return fail(table, key, "must be a string");
            if (v->empty() || utf8::decode(*v).size() > maxChars)
                return fail(table, key, "must be 1 to " + std::to_string(maxChars) + " characters");
            out = utf8::sanitize(*v);
        }
    }
    template <typename T, typename Parse>
    void choice(std::string_view table, std::string_view key, T& out, Parse parse) {
        std::string s;
        if (!find(table, key)) return;
        text(table, key, s);
        if (error) return;
        auto r = parse(s);
        if (!r) return fail(table, key, r.error().message);
        out = r.value();
    }
    void knownKeys(std::string_view table, std::initializer_list<std::string_view> keys) {
        const auto* t = m_root.get_as<toml::table>(table);
        if (!t) return;
        for (const auto& [key, node] : *t) {
            bool known = false;
            for (auto k : keys) known |= key.str() == k;
            if (!known) fail(table, key.str(), "is not a setting HomeDesk knows (a typo?)");
        }
    }
    void knownTables(std::initializer_list<std::string_view> tables) {
        for (const auto& [key, node] : m_root) {
            bool known = false;
            for (auto t : tables) known |= key.str() == t;
            if (!known || !node.is_table())
                fail("", key.str(), "is not a section HomeDesk knows; expected one of [display], [session], [site], [paths]");
        }
    }

private:
    const toml::node* find(std::string_view table, std::string_view key) {
        const auto* t = m_root.get_as<toml::table>(table);
        return t ? t->get(key) : nullptr;
    }
    void fail(std::string_view table, std::string_view key, std::string what) {
        if (error) return;  // the first problem is the one to fix first
        const std::string name = table.empty() ? std::string(key) : std::string(table) + "." + std::string(key);
        error = invalidInput(m_source, name + " " + what);
    }
    static std::string trim(float v) {
        std::ostringstream s;
        s << v;
        return s.str();
    }
    const toml::table& m_root;
    std::string m_source;
};

}  // namespace

Result<Config> parseConfig(std::string_view toml, std::string_view source, Config c) {
    // Debian's toml++ is built with exceptions: they stop here and become a value.
    toml::table root;
    try {
        root = toml::parse(toml, source);
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << "line " << e.source().begin.line << ", column " << e.source().begin.column << ": "
            << e.description();
        return invalidInput(std::string(source), msg.str());
    }
    Reader r(root, std::string(source));
    r.knownTables({"display", "session", "site", "paths"});
    r.knownKeys("display", {"orientation", "fullscreen", "panel_inches", "language", "large_text", "high_contrast"});
    r.knownKeys("session", {"idle_seconds", "prompt_seconds", "attract_seconds"});
    r.knownKeys("site", {"community", "steward_name", "steward_phone", "service_line", "gas_line", "ticket_url"});
    r.knownKeys("paths", {"assets", "data", "directory", "demo_notices"});
    r.choice("display", "orientation", c.orientation, parseOrientation);
    r.boolean("display", "fullscreen", c.fullscreen);
    r.number("display", "panel_inches", c.panelInches, 7.0f, 100.0f);
    r.choice("display", "language", c.language, parseLanguage);
    r.boolean("display", "large_text", c.largeText);
    r.boolean("display", "high_contrast", c.highContrast);
    r.integer("session", "idle_seconds", c.idleSeconds, 1, 3600);
    r.integer("session", "prompt_seconds", c.promptSeconds, 1, 600);
    r.integer("session", "attract_seconds", c.attractSeconds, 1, 3600);
    r.text("site", "community", c.site.community, 32);
    r.text("site", "steward_name", c.site.stewardName, 16);
    r.text("site", "steward_phone", c.site.stewardPhone, 20);
    r.text("site", "service_line", c.site.serviceLine, 20);
    r.text("site", "gas_line", c.site.gasLine, 20);
    r.text("site", "ticket_url", c.site.ticketUrl, 200);
    if (c.site.ticketUrl.rfind("https://", 0) != 0)
        return invalidInput(std::string(source), "site.ticket_url must start with https://");
    r.text("paths", "assets", c.assetsDir, 4096);
    r.text("paths", "data", c.dataDir, 4096);
    r.text("paths", "directory", c.directoryFile, 4096);
    r.text("paths", "demo_notices", c.demoNoticesFile, 4096);
    if (r.error) return *r.error;
    return c;
}

Result<Config> loadConfig(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ioError(path, "cannot open the configuration file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseConfig(buffer.str(), path);
}

}  // namespace homedesk::app
