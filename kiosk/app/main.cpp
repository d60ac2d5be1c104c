// homedesk: the self-service terminal. Start-up failures print the reason and exit non-zero;
// systemd restarts the program.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "base/private_file.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/sync_link.hpp"
#include "kiosk/core/i18n.hpp"

#ifndef HOMEDESK_DEFAULT_ASSETS
#define HOMEDESK_DEFAULT_ASSETS "/usr/share/homedesk"
#endif

using namespace homedesk;

namespace {

// `homedesk --enroll CODE`: the installer's way without a screen; the same code path as the
// Enroll screen (sync_service.cpp). Prints the outcome in plain words.
int enroll(const app::Config& c, std::string code) {
    if (!c.headOffice.configured()) {
        std::fprintf(stderr, "homedesk: --enroll needs a [headoffice] url in the configuration\n");
        return 2;
    }
    std::string why;
    auto normalized = EnrollForm::normalize(code, why);
    if (!normalized) {
        std::fprintf(stderr, "homedesk: \"%s\" is not an enrollment code (10 characters from %s)\n",
                     code.c_str(), std::string(EnrollForm::kAlphabet).c_str());
        return 4;
    }
    if (auto folder = makePrivateFolder(c.dataDir, true); !folder) {
        std::fprintf(stderr, "homedesk: %s\n", folder.error().message.c_str());
        return 4;
    }
    const app::EnrollOutcome outcome = app::enrollWithHeadOffice(c, *normalized);
    if (outcome.enrollment) {
        std::printf("enrolled with %s as terminal %s (%s)\n", c.headOffice.url.c_str(),
                    outcome.enrollment->terminalId.c_str(),
                    outcome.enrollment->communityName.c_str());
        return 0;
    }
    std::string words = outcome.errorKey;
    if (auto text = Translations::load(c.assetsDir + "/i18n"))
        words = text->catalog(Language::English).text(outcome.errorKey);
    std::fprintf(stderr, "homedesk: enrollment failed: %s (%s)\n", words.c_str(),
                 outcome.detail.c_str());
    return 4;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = homedesk::Clock::now();
    CLI::App cli{"HomeDesk self-service terminal"};
    std::string configPath, orientation, language, assets, script, statsPath, fixedTime, dataDir,
        enrollCode;
    app::RunOptions run;
    run.started = started;
    bool windowed = false, largeText = false, highContrast = false, verbose = false;
    int idleSeconds = 0, promptSeconds = 0, attractSeconds = 0;
    cli.add_option("-c,--config", configPath, "configuration file (TOML)")
        ->check(CLI::ExistingFile);
    cli.add_flag("--headless", run.headless, "no display: render offscreen (SDL offscreen driver)");
    cli.add_flag("--windowed", windowed, "a window instead of full screen");
    cli.add_option("--orientation", orientation, "portrait (1080x1920) or landscape (1920x1080)");
    cli.add_option("--language", language, "zh or en: the language a session starts in");
    cli.add_flag("--large-text", largeText, "start sessions in large-text mode");
    cli.add_flag("--high-contrast", highContrast, "the high-contrast theme");
    cli.add_option("--idle-seconds", idleSeconds, "seconds without a touch before \"still there?\"")
        ->check(CLI::Range(1, 3600));
    cli.add_option("--prompt-seconds", promptSeconds, "seconds the prompt waits before wiping")
        ->check(CLI::Range(1, 600));
    cli.add_option("--attract-seconds", attractSeconds,
                   "seconds unused before the notice loop (or emergency takeover) shows")
        ->check(CLI::Range(1, 3600));
    cli.add_option("--assets", assets, "folder with fonts/ and i18n/");
    cli.add_option("--data", dataDir,
                   "folder for the database and its key (default /var/lib/homedesk)");
    cli.add_option("--script", script, "automation script to run (see docs/automation.md)")
        ->check(CLI::ExistingFile);
    cli.add_option("--screenshots", run.screenshotDir, "where the script's screenshots go");
    cli.add_option("--stats", statsPath, "write frame statistics (JSON) here at exit");
    cli.add_flag("--exit-after-first-frame", run.exitAfterFirstFrame,
                 "exit once Home is on screen");
    cli.add_option("--run-seconds", run.runSeconds, "exit after this many seconds")
        ->check(CLI::Range(0.0, 86400.0));
    cli.add_option("--fixed-time", fixedTime,
                   "show this wall time (YYYY-MM-DD HH:MM), for reproducible screenshots");
    cli.add_option(
        "--enroll", enrollCode,
        "enroll with the configured head office using this one-time code, store the credential "
        "in the data folder, and exit (0 enrolled, 4 refused)");
    cli.add_option("--scan-frames", run.scanFrames,
                   "play these image files (a file or a folder) as the scanner's camera");
    cli.add_flag("-v,--verbose", verbose, "debug logging");
    CLI11_PARSE(cli, argc, argv);

    spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    const auto fail = [](const Error& e) {
        std::fprintf(stderr, "homedesk: %s: %s\n", e.where.c_str(), e.message.c_str());
        return 2;
    };

    auto config =
        configPath.empty() ? Result<app::Config>(app::Config{}) : app::loadConfig(configPath);
    if (!config) return fail(config.error());
    app::Config& c = config.value();
    if (!orientation.empty()) {
        auto o = app::parseOrientation(orientation);
        if (!o) return fail(o.error());
        c.orientation = o.value();
    }
    if (!language.empty()) {
        auto l = parseLanguage(language);
        if (!l) return fail(l.error());
        c.language = l.value();
    }
    if (windowed || run.headless) c.fullscreen = false;
    if (largeText) c.largeText = true;
    if (highContrast) c.highContrast = true;
    if (idleSeconds) c.idleSeconds = idleSeconds;
    if (promptSeconds) c.promptSeconds = promptSeconds;
    if (attractSeconds) c.attractSeconds = attractSeconds;
    if (!assets.empty()) c.assetsDir = assets;
    if (!dataDir.empty()) c.dataDir = dataDir;
    if (c.assetsDir.empty()) {
        const char* env = std::getenv("HOMEDESK_ASSETS");
        c.assetsDir = env ? env : HOMEDESK_DEFAULT_ASSETS;
    }
    if (!script.empty()) run.script = script;
    if (!statsPath.empty()) run.statsPath = statsPath;
    if (!fixedTime.empty()) {
        std::tm t{};
        if (!strptime(fixedTime.c_str(), "%Y-%m-%d %H:%M", &t))
            return fail(
                invalidInput("--fixed-time", "\"" + fixedTime + "\" is not YYYY-MM-DD HH:MM"));
        t.tm_isdst = -1;
        std::mktime(&t);  // fills in the weekday
        run.fixedWallTime = t;
    }

    if (!enrollCode.empty()) return enroll(c, enrollCode);

    auto kiosk = app::KioskApp::create(c, run);
    if (!kiosk) return fail(kiosk.error());
    return kiosk.value()->run();
}
