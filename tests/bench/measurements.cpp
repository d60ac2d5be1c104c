// Runs the floor, the terminal and Chromium as T1-T4 need them and collects the raw figures.
#include "tests/bench/measurements.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "tests/bench/app_stats.hpp"
#include "tests/bench/process.hpp"

namespace fs = std::filesystem;

namespace homedesk::bench {

namespace {

constexpr const char* kFixedTime = "2026-11-23 09:30";

void progress(const std::string& text) {
    std::fprintf(stderr, "bench: %s\n", text.c_str());
    std::fflush(stderr);
}

void require(const Exit& e, const std::string& program, const std::string& log) {
    if (!e.exitedZero())
        throw std::runtime_error(program + " did not run: " + e.describe() + " (output in " + log +
                                 ")");
}

std::string readAll(const std::string& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The same tour with its screenshots left out: reading back and encoding 1080x1920 PNGs is
// instrumentation, not the terminal's own memory or work.
void writeTourWithoutShots(const std::string& from, const std::string& to) {
    std::ifstream in(from);
    if (!in) throw std::runtime_error(from + ": cannot read the tour script");
    std::ofstream out(to);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("shot ", 0) != 0) out << line << "\n";
}

long largestShotAtlas(const std::string& dir, int& shots) {
    long largest = 0;
    shots = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_discarded() || !j.contains("atlas_bytes")) continue;
        largest = std::max(largest, j["atlas_bytes"].get<long>());
        ++shots;
    }
    return largest;
}

}  // namespace

Measurements::Measurements(Programs programs, Plan plan, std::string outDir)
    : m_programs(std::move(programs)), m_plan(plan), m_out(std::move(outDir)) {
    fs::create_directories(m_out);
    for (const char* log : {"homedesk.log", "floor.log", "chromium.log"})
        std::ofstream(path(log), std::ios::trunc);
}

std::vector<std::string> Measurements::app(std::vector<std::string> extra) const {
    std::vector<std::string> argv{m_programs.homedesk, "--headless"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
}

std::string Measurements::glRenderer() {
    const std::string log = path("floor-info.txt");
    std::ofstream(log, std::ios::trunc);
    require(run({m_programs.floor, "--headless", "--info"}, log), "homedesk-floor", log);
    const std::string text = readAll(log);
    const auto at = text.find("renderer: ");
    if (at == std::string::npos) return "unknown";
    return text.substr(at + 10, text.find('\n', at) - at - 10);
}

LaunchFigures Measurements::launches() {
    const std::string floorLog = path("floor.log"), appLog = path("homedesk.log");
    const std::string stats = path("first-frame-stats.json");
    const std::vector<std::string> floorArgv{m_programs.floor, "--headless"};
    const std::vector<std::string> drawArgv{m_programs.floor, "--headless", "--draw"};
    const auto appArgv = app({"--exit-after-first-frame", "--stats", stats});
    // One of each first, not counted: all then start with a warm page cache and a warm Mesa
    // shader cache, as on a terminal after its first boot.
    require(run(floorArgv, floorLog), "homedesk-floor", floorLog);
    require(run(drawArgv, floorLog), "homedesk-floor --draw", floorLog);
    require(run(appArgv, appLog), "homedesk", appLog);

    LaunchFigures f;
    for (int i = 0; i < m_plan.launches; ++i) {
        progress("T1 launch " + std::to_string(i + 1) + "/" + std::to_string(m_plan.launches) +
                 " (floor, floor --draw, homedesk)");
        // Interleaved, so that load from other work on the machine falls on all alike.
        const Exit fl = run(floorArgv, floorLog);
        require(fl, "homedesk-floor", floorLog);
        f.floorWall.push_back(fl.wallSeconds);
        f.floorRssKib.push_back(double(fl.maxRssKib));

        const Exit d = run(drawArgv, floorLog);
        require(d, "homedesk-floor --draw", floorLog);
        f.drawWall.push_back(d.wallSeconds);
        f.drawRssKib.push_back(double(d.maxRssKib));

        fs::remove(stats);
        const Exit a = run(appArgv, appLog);
        require(a, "homedesk", appLog);
        f.appWall.push_back(a.wallSeconds);
        f.appRssKib.push_back(double(a.maxRssKib));
        f.appFirstFrame.push_back(readAppStats(stats).firstFrameSeconds);
    }
    return f;
}

ChromiumFigures Measurements::chromium() {
    ChromiumFigures f;
    f.installed = access(m_programs.chromium.c_str(), X_OK) == 0;
    if (!f.installed) return f;
    const std::string log = path("chromium.log");
    const std::string page = "file://" + fs::absolute(m_programs.homePage).string();
    const std::string shot = path("chromium-home.png");
    becomeSubreaper();
    // The first run is not counted, as for the terminal: it warms the page cache.
    for (int i = -1; i < m_plan.chromiumRuns; ++i) {
        if (i >= 0)
            progress("T1 Chromium run " + std::to_string(i + 1) + "/" +
                     std::to_string(m_plan.chromiumRuns));
        const std::string profile = path("chromium-profile");
        fs::remove_all(profile);
        fs::create_directories(profile);
        fs::remove(shot);
        const Exit e =
            run({m_programs.chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                 "--window-size=1080,1920", "--screenshot=" + shot, page},
                log);
        const long orphans = reapOrphans(5.0);
        require(e, m_programs.chromium, log);
        if (!fs::exists(shot) || fs::file_size(shot) == 0)
            throw std::runtime_error("Chromium wrote no screenshot (output in " + log + ")");
        fs::remove_all(profile);
        if (i < 0) continue;
        f.wall.push_back(e.wallSeconds);
        f.largestRssKib.push_back(double(std::max(e.maxRssKib, orphans)));
    }
    return f;
}

TourFigures Measurements::tours() {
    const std::string log = path("homedesk.log");
    const std::string script = path("tour-without-shots.script");
    writeTourWithoutShots(m_programs.tourScript, script);
    const auto tour = [&](const std::string& scriptPath, const std::string& stats,
                          const std::string& shots) {
        fs::remove(stats);
        fs::remove_all(shots);
        const Exit e =
            run(app({"--fixed-time", kFixedTime, "--idle-seconds", "3", "--prompt-seconds", "3",
                     "--script", scriptPath, "--screenshots", shots, "--stats", stats}),
                log);
        require(e, "homedesk (tour)", log);
        return std::pair{e, readAppStats(stats)};
    };

    TourFigures f;
    for (int i = 0; i < m_plan.tourRuns; ++i) {
        progress("T2/T4 tour " + std::to_string(i + 1) + "/" + std::to_string(m_plan.tourRuns) +
                 " (no screenshots)");
        const auto [e, s] = tour(script, path("tour-stats.json"), path("tour-none"));
        f.rssKib.push_back(double(e.maxRssKib));
        f.p99All.push_back(s.uiAll.p99);
        for (const auto& [screen, ui] : s.uiPerScreen) {
            f.p99[screen].push_back(ui.p99);
            f.max[screen].push_back(ui.max);
            f.samples[screen] += ui.count;
        }
    }

    // T4 over the flows' own screens: each flow script once per tour, on a fresh data folder,
    // with its screenshots left out like the tour's.
    for (int i = 0; i < m_plan.tourRuns; ++i) {
        for (const std::string& flow : m_programs.flowScripts) {
            const std::string name = fs::path(flow).stem().string();
            progress("T4 flow " + name + " " + std::to_string(i + 1) + "/" +
                     std::to_string(m_plan.tourRuns));
            const std::string flowScript = path("flow-" + name + "-without-shots.script");
            writeTourWithoutShots(flow, flowScript);
            const std::string data = path("flow-data");
            fs::remove_all(data);
            const std::string stats = path("flow-stats.json");
            fs::remove(stats);
            require(run(app({"--fixed-time", kFixedTime, "--script", flowScript, "--data", data,
                             "--stats", stats}),
                        log),
                    "homedesk (flow " + name + ")", log);
            for (const auto& [screen, ui] : readAppStats(stats).uiPerScreen) {
                f.p99[screen].push_back(ui.p99);
                f.max[screen].push_back(ui.max);
                f.samples[screen] += ui.count;
            }
        }
    }

    progress("T2 tour with screenshots (font atlas per screen)");
    const std::string shots = path("tour-screenshots");
    const auto [e, s] = tour(m_programs.tourScript, path("tour-shots-stats.json"), shots);
    f.rssWithShotsKib = double(e.maxRssKib);
    if (s.atlasBytesPeak > 0) {
        f.atlasPeakBytes = s.atlasBytesPeak;
        f.atlasSource = "peak over the tour, from --stats";
    } else {
        int count = 0;
        f.atlasPeakBytes = std::max(s.atlasBytes, largestShotAtlas(shots, count));
        f.atlasSource = "largest of " + std::to_string(count) + " screenshots' atlas_bytes";
    }
    return f;
}

IdleFigures Measurements::idle() {
    const std::string appLog = path("homedesk.log"), floorLog = path("floor.log");
    const std::string stats = path("idle-stats.json");
    // The window is read from /proc at both ends, so that neither start-up nor exit is in it;
    // the programs live a second past it.
    const double windowEnd = m_plan.settleSeconds + m_plan.idleSeconds;
    const std::string seconds = std::to_string(windowEnd + 1);
    progress("T3 idle on Home for " + std::to_string(int(windowEnd + 1)) +
             " s, the floor idle beside it");
    fs::remove(stats);

    const double wallStart =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const double started = monotonicSeconds();
    // Home stays up: the notices' attract loop, which would start after 30 s, is measured apart.
    const std::string data = path("idle-data");
    fs::remove_all(data);
    Process appProcess(app({"--run-seconds", seconds, "--stats", stats, "--attract-seconds", "3600",
                            "--data", data}),
                       appLog);
    Process floorProcess({m_programs.floor, "--headless", "--idle-seconds", seconds}, floorLog);
    const auto sleepUntil = [&](double t) {
        std::this_thread::sleep_for(
            std::chrono::duration<double>(started + t - monotonicSeconds()));
    };
    sleepUntil(m_plan.settleSeconds);
    const double t0 = monotonicSeconds();
    const double appCpu0 = appProcess.cpuSecondsSoFar(), floorCpu0 = floorProcess.cpuSecondsSoFar();
    sleepUntil(windowEnd);
    const double t1 = monotonicSeconds();
    const double appCpu1 = appProcess.cpuSecondsSoFar(), floorCpu1 = floorProcess.cpuSecondsSoFar();
    const Exit a = appProcess.wait();
    const Exit fl = floorProcess.wait();
    require(a, "homedesk (idle)", appLog);
    require(fl, "homedesk-floor (idle)", floorLog);
    const AppStats s = readAppStats(stats);

    IdleFigures f;
    f.wholeSeconds = a.wallSeconds;
    f.cpuWhole = a.cpuSeconds;
    f.windowSeconds = t1 - t0;
    f.cpuWindow = appCpu1 - appCpu0;
    f.floorCpuWindow = floorCpu1 - floorCpu0;
    f.framesAfterFirst = s.framesPresented - 1;
    f.settled = s.firstFrameSeconds < m_plan.settleSeconds;
    // The header shows hours and minutes: Home changes once at each minute boundary.
    const auto minute = [](double t) { return static_cast<long>(t / 60); };
    f.minuteChanges = minute(wallStart + a.wallSeconds) - minute(wallStart + s.firstFrameSeconds);
    return f;
}

AttractFigures Measurements::attract() {
    const std::string log = path("attract.log"), stats = path("attract-stats.json"),
                      data = path("attract-data");
    const std::string shots = path("attract-shot");
    const double windowEnd = m_plan.settleSeconds + m_plan.idleSeconds;
    progress("T3 attract loop for " + std::to_string(int(windowEnd + 1)) + " s (the demo notices)");
    fs::remove(stats);
    fs::remove_all(data);
    fs::remove_all(shots);
    // The loop starts a second after start-up; the window begins when it surely shows. A script
    // waits out the window and then takes one screenshot, which says what was showing.
    const std::string script = path("attract.script");
    std::ofstream(script) << "wait " << static_cast<long>(windowEnd * 1000) << "\nshot end\n";
    const double started = monotonicSeconds();
    Process p(app({"--attract-seconds", "1", "--data", data, "--stats", stats, "--script", script,
                   "--screenshots", shots}),
              log);
    const auto sleepUntil = [&](double t) {
        std::this_thread::sleep_for(
            std::chrono::duration<double>(started + t - monotonicSeconds()));
    };
    sleepUntil(m_plan.settleSeconds);
    const double t0 = monotonicSeconds(), cpu0 = p.cpuSecondsSoFar();
    sleepUntil(windowEnd);
    const double t1 = monotonicSeconds(), cpu1 = p.cpuSecondsSoFar();
    require(p.wait(), "homedesk (attract loop)", log);
    AttractFigures f;
    f.windowSeconds = t1 - t0;
    f.cpuWindow = cpu1 - cpu0;
    f.framesPresented = readAppStats(stats).framesPresented;
    std::ifstream in(shots + "/end.json");
    const auto j = nlohmann::json::parse(in, nullptr, false);
    f.mode = j.is_discarded() ? "unknown" : j.value("idle_show", "unknown");
    return f;
}

}  // namespace homedesk::bench
