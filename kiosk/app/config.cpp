#include "kiosk/app/config.hpp"

#include <cctype>
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
    return invalidInput(
        "orientation",
        "\"" + std::string(text) + "\" is not an orientation: use \"portrait\" or \"landscape\"");
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
          if (const auto* v = node->as_boolean())
              out = v->get();
          else
              fail(table, key, "must be true or false");
      }
    }
    void integer(std::string_view table, std::string_view key, int& out, int min, int max) {
        if (auto node = find(table, key)) {
            const auto* n = node->as_integer();
            const std::optional<int64_t> v = n ? std::optional<int64_t>(n->get()) : std::nullopt;
            if (!v || *v < min || *v > max)
                fail(table, key,
                     "must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
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
    void text(std::string_view table, std::string_view key, std::string& out,
              size_t maxChars = 64) {
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
                fail("", key.str(),
                     "is not a section HomeDesk knows; expected one of [display], [session], "
                     "[site], [paths], [headoffice]");
        }
    }

private:
    const toml::node* find(std::string_view table, std::string_view key) {
        const auto* t = m_root.get_as<toml::table>(table);
        return t ? t->get(key) : nullptr;
    }
    void fail(std::string_view table, std::string_view key, std::string what) {
        if (error) return;  // the first problem is the one to fix first
        const std::string name =
            table.empty() ? std::string(key) : std::string(table) + "." + std::string(key);
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

bool isBase64Char(char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '/' || ch == '=';
}

// "sha256//<44 base64 characters>", several joined by ';' (curl's form).
bool isPinList(std::string_view pins) {
    while (true) {
        const auto end = pins.find(';');
        const std::string_view pin = pins.substr(0, end);
        if (pin.rfind("sha256//", 0) != 0 || pin.size() != 8 + 44) return false;
        for (char ch : pin.substr(8))
            if (!isBase64Char(ch)) return false;
        if (end == std::string_view::npos) return true;
        pins.remove_prefix(end + 1);
    }
}

// "https://host[:port]" with nothing after the authority but an optional "/".
bool isHttpsBase(std::string_view url) {
    if (url.rfind("https://", 0) != 0) return false;
    std::string_view rest = url.substr(8);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.empty()) return false;
    for (char ch : rest)
        if (ch == '/' || ch == '?' || ch == '#' || ch == '@' ||
            std::isspace(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) < 0x20)
            return false;
    return true;
}

std::optional<Error> readHeadOffice(const toml::table& root, const std::string& source,
                                    HeadOffice& h) {
    Reader r(root, source);
    r.knownKeys("headoffice",
                {"url", "ca_file", "public_key", "connect_timeout_s", "stall_timeout_s",
                 "notice_wait_s", "heartbeat_s", "retry_max_s", "device_name"});
    r.text("headoffice", "url", h.url, 200);
    r.text("headoffice", "ca_file", h.caFile, 4096);
    r.text("headoffice", "public_key", h.publicKey, 1000);
    r.integer("headoffice", "connect_timeout_s", h.connectTimeoutSeconds, 1, 120);
    r.integer("headoffice", "stall_timeout_s", h.stallTimeoutSeconds, 5, 600);
    r.integer("headoffice", "notice_wait_s", h.noticeWaitSeconds, 0, 30);
    r.integer("headoffice", "heartbeat_s", h.heartbeatSeconds, 10, 3600);
    r.integer("headoffice", "retry_max_s", h.retryMaxSeconds, 5, 3600);
    r.text("headoffice", "device_name", h.deviceName, 64);
    if (r.error) return r.error;
    const auto* table = root.get_as<toml::table>("headoffice");
    if (!table || table->empty()) return std::nullopt;
    const auto bad = [&](std::string what) { return invalidInput(source, std::move(what)); };
    if (h.url.empty())
        return bad(
            "headoffice.url is required in [headoffice] (the head office's address, "
            "\"https://...\")");
    if (!isHttpsBase(h.url))
        return bad("headoffice.url must be https://host or https://host:port, with no path (\"" +
                   h.url + "\")");
    if (h.url.back() == '/') h.url.pop_back();
    // Certificate checks are never off: the terminal trusts only the head office's own CA.
    if (h.caFile.empty())
        return bad(
            "headoffice.ca_file is required with headoffice.url: the PEM file of the CA that "
            "signed the "
            "head office's certificate");
    if (!h.publicKey.empty() && !isPinList(h.publicKey))
        return bad(
            "headoffice.public_key must be \"sha256//\" and 44 base64 characters (several joined "
            "by ';'), "
            "as `openssl ... | base64` prints the key's SHA-256");
    return std::nullopt;
}

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
    r.knownTables({"display", "session", "site", "paths", "headoffice", "speech"});
    r.knownKeys("display", {"orientation", "fullscreen", "panel_inches", "language", "large_text",
                            "high_contrast"});
    r.knownKeys("session", {"idle_seconds", "prompt_seconds", "attract_seconds"});
    r.knownKeys("site", {"community", "steward_name", "steward_phone", "service_line", "gas_line",
                         "ticket_url"});
    r.knownKeys("paths", {"assets", "data", "directory", "demo_notices"});
    r.knownKeys("speech", {"volume_percent", "rate_percent"});
    r.choice("display", "orientation", c.orientation, parseOrientation);
    r.boolean("display", "fullscreen", c.fullscreen);
    r.number("display", "panel_inches", c.panelInches, 7.0f, 100.0f);
    r.choice("display", "language", c.language, parseLanguage);
    r.boolean("display", "large_text", c.largeText);
    r.boolean("display", "high_contrast", c.highContrast);
    r.integer("session", "idle_seconds", c.idleSeconds, 1, 3600);
    r.integer("session", "prompt_seconds", c.promptSeconds, 1, 600);
    r.integer("session", "attract_seconds", c.attractSeconds, 1, 3600);
    r.integer("speech", "volume_percent", c.speechVolume, 10, 200);
    r.integer("speech", "rate_percent", c.speechRate, 50, 200);
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
    if (auto e = readHeadOffice(root, std::string(source), c.headOffice)) return *e;
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
