#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kiosk/app/config.hpp"

using namespace homedesk;
using app::parseConfig;

TEST_CASE("the example configuration is read from the file, every value from the file", "[app][config]") {
    // loadConfig fails on a missing file, so a moved example cannot pass as the defaults.
    const std::string path = HOMEDESK_SOURCE_DIR "/deploy/homedesk.example.toml";
    REQUIRE(app::loadConfig(path).ok());
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    // Parsed over a base where every value differs from the file's: what comes out was read.
    app::Config base;
    base.orientation = app::Orientation::Landscape;
    base.fullscreen = false;
    base.panelInches = 43;
    base.language = Language::English;
    base.largeText = true;
    base.highContrast = true;
    base.idleSeconds = 7;
    base.promptSeconds = 3;
    base.speechVolume = 50;
    base.speechRate = 150;
    base.site = {"别的小区", "李四", "1", "2", "3", "https://elsewhere.example/"};
    base.dataDir = "/elsewhere";
    auto c = parseConfig(buffer.str(), "example", base);
    REQUIRE(c.ok());
    CHECK(c->orientation == app::Orientation::Portrait);
    CHECK(c->fullscreen);
    CHECK(c->panelInches == Approx(21.5));
    CHECK(c->language == Language::Chinese);
    CHECK_FALSE(c->largeText);
    CHECK_FALSE(c->highContrast);
    CHECK(c->idleSeconds == 60);
    CHECK(c->promptSeconds == 20);
    CHECK(c->speechVolume == 100);
    CHECK(c->speechRate == 100);
    CHECK(c->site.community == "示范小区");
    CHECK(c->site.stewardName == "王建国");
    CHECK(c->site.stewardPhone == "138 0000 1234");
    CHECK(c->site.serviceLine == "400-800-1234");
    CHECK(c->site.gasLine == "96777");
    CHECK(c->site.ticketUrl == "https://hq.homedesk.example/t/");
    CHECK(c->dataDir == "/var/lib/homedesk");
}

TEST_CASE("settings are read from their sections", "[app][config]") {
    auto c = parseConfig(R"(
[display]
orientation = "landscape"
language = "en"
large_text = true
panel_inches = 32
[session]
idle_seconds = 90
[site]
community = "阳光花园"
)", "t");
    REQUIRE(c.ok());
    CHECK(c->orientation == app::Orientation::Landscape);
    CHECK(c->width() == 1920);
    CHECK(c->language == Language::English);
    CHECK(c->largeText);
    CHECK(c->idleSeconds == 90);
    CHECK(c->promptSeconds == 20);
    CHECK(c->site.community == "阳光花园");
    CHECK(c->pxPerMm() == Approx(2203.0 / (32 * 25.4)).epsilon(0.01));
}

TEST_CASE("bad values are refused with the key and what is allowed", "[app][config]") {
    const auto error = [](const char* toml) { return parseConfig(toml, "kiosk.toml").error().message; };
    CHECK_THAT(error("[display]\norientation = \"sideways\""),
               Catch::Contains("display.orientation") && Catch::Contains("\"landscape\""));
    CHECK_THAT(error("[session]\nidle_seconds = 0"), Catch::Contains("session.idle_seconds") && Catch::Contains("1 to 3600"));
    CHECK_THAT(error("[session]\nidle_seconds = \"60\""), Catch::Contains("whole number"));
    CHECK_THAT(error("[display]\nfullscreen = 1"), Catch::Contains("true or false"));
    CHECK_THAT(error("[display]\nlanguage = \"de\""), Catch::Contains("display.language"));
    CHECK_THAT(error("[display]\nfulscreen = true"), Catch::Contains("display.fulscreen") && Catch::Contains("typo"));
    CHECK_THAT(error("[dispaly]\n"), Catch::Contains("dispaly"));
    CHECK_THAT(error("[site]\ncommunity = \"\""), Catch::Contains("site.community"));
    CHECK_THAT(error("this is not toml"), Catch::Contains("line 1"));
}

TEST_CASE("control characters in names are removed", "[app][config]") {
    auto c = parseConfig("[site]\ncommunity = \"阳光\\u0007花园\"", "t");
    REQUIRE(c.ok());
    CHECK(c->site.community == "阳光花园");
}

TEST_CASE("a missing configuration file says so", "[app][config]") {
    auto c = app::loadConfig("/nonexistent/homedesk.toml");
    REQUIRE_FALSE(c.ok());
    CHECK_THAT(c.error().message, Catch::Contains("cannot open"));
}

TEST_CASE("[headoffice] is read, checked strictly, and absent means a stand-alone terminal", "[app][config]") {
    CHECK_FALSE(parseConfig("", "t")->headOffice.configured());
    auto c = parseConfig(R"(
[headoffice]
url = "https://hq.example.com:8443/"
ca_file = "/etc/homedesk/hq-ca.pem"
public_key = "sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE="
connect_timeout_s = 8
stall_timeout_s = 30
notice_wait_s = 20
heartbeat_s = 120
retry_max_s = 600
device_name = "3号楼大堂"
)", "t");
    REQUIRE(c.ok());
    const app::HeadOffice& h = c->headOffice;
    CHECK(h.configured());
    CHECK(h.url == "https://hq.example.com:8443");  // the trailing slash is dropped: paths are added to it
    CHECK(h.caFile == "/etc/homedesk/hq-ca.pem");
    CHECK(h.publicKey == "sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE=");
    CHECK(h.connectTimeoutSeconds == 8);
    CHECK(h.stallTimeoutSeconds == 30);
    CHECK(h.noticeWaitSeconds == 20);
    CHECK(h.heartbeatSeconds == 120);
    CHECK(h.retryMaxSeconds == 600);
    CHECK(h.deviceName == "3号楼大堂");

    auto defaults = parseConfig("[headoffice]\nurl = \"https://10.0.0.5\"\nca_file = \"ca.pem\"\n", "t");
    REQUIRE(defaults.ok());
    CHECK(defaults->headOffice.connectTimeoutSeconds == 5);
    CHECK(defaults->headOffice.noticeWaitSeconds == 25);
    CHECK(defaults->headOffice.retryMaxSeconds == 30);  // the engine's own cap
    CHECK(defaults->headOffice.publicKey.empty());
}

TEST_CASE("bad [headoffice] settings are refused with the key and what would be right", "[app][config]") {
    const auto error = [](const std::string& body) {
        auto c = parseConfig("[headoffice]\n" + body, "kiosk.toml");
        REQUIRE_FALSE(c.ok());
        return c.error().message;
    };
    const std::string ca = "ca_file = \"ca.pem\"\n";
    CHECK_THAT(error("url = \"http://hq.example.com\"\n" + ca), Catch::Contains("headoffice.url") && Catch::Contains("https://"));
    CHECK_THAT(error("url = \"https://hq.example.com/api\"\n" + ca), Catch::Contains("no path"));
    CHECK_THAT(error("url = \"https://\"\n" + ca), Catch::Contains("headoffice.url"));
    CHECK_THAT(error("url = \"https://user@hq.example.com\"\n" + ca), Catch::Contains("headoffice.url"));
    // Certificate checks are never off: without the CA there is no head office.
    CHECK_THAT(error("url = \"https://hq.example.com\"\n"), Catch::Contains("headoffice.ca_file is required"));
    CHECK_THAT(error(ca), Catch::Contains("headoffice.url is required"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "public_key = \"abc\"\n"), Catch::Contains("headoffice.public_key") && Catch::Contains("sha256//"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "public_key = \"sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMw!=\"\n"),
               Catch::Contains("headoffice.public_key"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "connect_timeout_s = 0\n"), Catch::Contains("headoffice.connect_timeout_s") && Catch::Contains("1 to 120"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "notice_wait_s = 31\n"), Catch::Contains("headoffice.notice_wait_s") && Catch::Contains("0 to 30"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "retry_max_s = \"5\"\n"), Catch::Contains("whole number"));
    CHECK_THAT(error("url = \"https://hq\"\n" + ca + "credential = \"secret\"\n"), Catch::Contains("headoffice.credential") && Catch::Contains("typo"));
    CHECK_THAT(error("url = 8443\n" + ca), Catch::Contains("headoffice.url") && Catch::Contains("string"));
    // Two pins (a key rollover) are allowed, joined as curl takes them.
    CHECK(parseConfig("[headoffice]\nurl = \"https://hq\"\n" + ca +
                          "public_key = \"sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE=;sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n",
                      "t").ok());
}
