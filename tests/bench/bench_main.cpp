// homedesk-bench: measures T1-T4 of quality.md for the terminal against the platform floor
// measured in the same run, and prints them as one table. Figures never fail the run; only a
// program that cannot run does.
#include <sys/utsname.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "tests/bench/measurements.hpp"
#include "tests/bench/table.hpp"

using namespace homedesk::bench;

namespace {

constexpr double kMs = 1000;

std::string firstLineWith(const char* file, const std::string& key) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return fmt("%.2f", one);
}

std::string spread(const std::vector<double>& v, double scale, const char* unit) {
    return fmt("(%.0f-%.0f %s)", minOf(v) * scale, maxOf(v) * scale, unit);
}

void addT1(Table& t, const LaunchFigures& l, const ChromiumFigures& c,
           const std::string& chromium) {
    const double floorS = median(l.floorWall), drawS = median(l.drawWall), appS = median(l.appWall);
    const int n = static_cast<int>(l.appWall.size());
    t.info("T1", fmt("floor: empty SDL GL window, 1 frame, exit (median of %d)", n),
           fmt("%.0f ms ", floorS * kMs) + spread(l.floorWall, kMs, "ms"));
    t.info("T1", fmt("homedesk: start -> Home presented -> exit (median of %d)", n),
           fmt("%.0f ms ", appS * kMs) + spread(l.appWall, kMs, "ms"));
    t.check("T1", "homedesk above the floor", fmt("%+.0f ms", (appS - floorS) * kMs), "<= +60 ms",
            appS - floorS <= 0.060);
    t.info("T1", "  for reference: floor + one shaded draw (--draw), median",
           fmt("%.0f ms ", drawS * kMs) + spread(l.drawWall, kMs, "ms"));
    t.info("T1", "  for reference: homedesk above floor --draw",
           fmt("%+.0f ms", (appS - drawS) * kMs));
    t.info("T1", "  for reference: homedesk's first_frame_s (--stats), median",
           fmt("%.0f ms", median(l.appFirstFrame) * kMs));
    if (!c.installed) {
        t.add({"T1", "Chromium, same Home page: " + chromium + " is not installed", "-", "<= 0.25x",
               "NOT MEASURED"});
        t.note(
            "install Chromium with `bash deploy/setup.sh bench` (or apt-get install chromium); "
            "tests/bench/run.sh does it");
        return;
    }
    const double chromeS = median(c.wall);
    t.info("T1",
           fmt("Chromium: same Home page, screenshot, exit (median of %d)", int(c.wall.size())),
           fmt("%.0f ms ", chromeS * kMs) + spread(c.wall, kMs, "ms"));
    t.check("T1", "homedesk / Chromium", fmt("%.2fx", appS / chromeS), "<= 0.25x",
            appS / chromeS <= 0.25);
    t.info("T1", "  for reference: Chromium peak RSS, largest process",
           mib(median(c.largestRssKib)));
}

void addT2(Table& t, const LaunchFigures& l, const TourFigures& tour) {
    const double floorKib = median(l.floorRssKib), tourKib = median(tour.rssKib);
    const int n = static_cast<int>(tour.rssKib.size());
    t.info("T2", fmt("floor peak RSS (median of %d)", int(l.floorRssKib.size())), mib(floorKib));
    t.info("T2", fmt("homedesk peak RSS, tour of every screen (median of %d)", n), mib(tourKib));
    t.check("T2", "homedesk above the floor after the tour", mib(tourKib - floorKib), "<= 25 MiB",
            tourKib - floorKib <= 25 * 1024);
    t.info("T2", "  for reference: floor --draw above the floor",
           mib(median(l.drawRssKib) - floorKib));
    t.info("T2", "  for reference: homedesk at first frame above the floor",
           mib(median(l.appRssKib) - floorKib));
    t.info("T2", "  for reference: tour with screenshots above the floor",
           mib(tour.rssWithShotsKib - floorKib));
    t.check("T2", "font atlas (" + tour.atlasSource + ")", mib(double(tour.atlasPeakBytes) / 1024),
            "<= 8 MiB", tour.atlasPeakBytes <= 8L << 20);
}

void addT3(Table& t, const IdleFigures& i) {
    const long unexplained = i.framesAfterFirst - i.minuteChanges;
    t.check("T3", fmt("frames after the first, %.0f s on Home", i.wholeSeconds),
            fmt("%ld (header clock minute changes: %ld)", i.framesAfterFirst, i.minuteChanges),
            "0 besides the clock", unexplained <= 0);
    const double pct = 100 * i.cpuWindow / i.windowSeconds;
    const double floorPct = 100 * i.floorCpuWindow / i.windowSeconds;
    t.check("T3", fmt("CPU over those %.0f s, %% of one core", i.windowSeconds),
            fmt("%.2f %%", pct), "<= 1 %", pct <= 1.0);
    t.info("T3", "  for reference: floor idle beside it, same window", fmt("%.2f %%", floorPct));
    t.info("T3", "  for reference: homedesk above that floor", fmt("%+.2f %%", pct - floorPct));
    t.info("T3", "  for reference: homedesk whole run incl. start-up",
           fmt("%.2f %% of %.0f s", 100 * i.cpuWhole / i.wholeSeconds, i.wholeSeconds));
    if (!i.settled)
        t.note("T3: Home was not up when the idle window began; start-up is in its CPU figure");
}

void addAttract(Table& t, const AttractFigures& a) {
    const double pct = 100 * a.cpuWindow / a.windowSeconds;
    t.check(
        "T3",
        fmt("attract loop, CPU over %.0f s, %% of one core (%s)", a.windowSeconds, a.mode.c_str()),
        fmt("%.2f %%", pct), "<= 5 %", pct <= 5.0 && a.mode != "off" && a.mode != "unknown");
    t.info("T3", "  for reference: frames presented, start to exit", fmt("%ld", a.framesPresented));
}

void addT4(Table& t, const TourFigures& tour) {
    bool all = true;
    for (const auto& [screen, p99s] : tour.p99) {
        const double p99 = median(p99s);
        all = all && p99 <= 500;
        t.check("T4",
                fmt("UI p99, %s (%ld samples, max %.0f us)", screen.c_str(),
                    tour.samples.at(screen), maxOf(tour.max.at(screen))),
                fmt("%.0f us", p99), "<= 500 us", p99 <= 500);
    }
    t.check("T4", "UI p99, all screens", fmt("%.0f us", median(tour.p99All)),
            "<= 500 us every screen", all && median(tour.p99All) <= 500);
    t.note(
        fmt("T4: p99 per screen is the median over %d tour(s) and each run of the "
            "deploy/tour/flows scripts "
            "that shows the screen; max is the slowest sample of any run. "
            "\"A tap shows on the next frame\" is not timed here",
            int(tour.p99All.size())));
}

// A flow that enrolls (it types @ENROLL_CODE@, which deploy/demo.sh fills in) needs a head
// office; the benchmarks run without one.
bool needsHeadOffice(const std::filesystem::path& script) {
    std::ifstream in(script);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.find("@ENROLL_CODE@") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"HomeDesk benchmarks: T1-T4 of quality.md against the platform floor"};
    Programs programs{HOMEDESK_BENCH_HOMEDESK, HOMEDESK_BENCH_FLOOR, "/usr/bin/chromium",
                      HOMEDESK_BENCH_SOURCE_DIR "/deploy/tour/tour.script",
                      HOMEDESK_BENCH_SOURCE_DIR "/tests/bench/home.html"};
    Plan plan;
    std::string out = HOMEDESK_BENCH_SOURCE_DIR "/bench-out";
    bool quick = false;
    cli.add_flag("--quick", quick,
                 "5 launches, 3 Chromium runs, 1 tour, 10 s idle: about a minute");
    cli.add_option("--launches", plan.launches, "T1 launches of the terminal and of the floor")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--chromium-runs", plan.chromiumRuns)->check(CLI::Range(1, 100));
    cli.add_option("--tours", plan.tourRuns, "T2/T4 tours without screenshots")
        ->check(CLI::Range(1, 100));
    cli.add_option("--idle-seconds-run", plan.idleSeconds, "T3 window in seconds (quality.md: 60)")
        ->check(CLI::Range(1.0, 3600.0));
    cli.add_option("--homedesk", programs.homedesk)->check(CLI::ExistingFile);
    cli.add_option("--floor", programs.floor)->check(CLI::ExistingFile);
    cli.add_option("--chromium", programs.chromium, "the browser for T1's comparison");
    cli.add_option("--out", out, "logs, statistics and screenshots of the runs");
    CLI11_PARSE(cli, argc, argv);
    const std::filesystem::path flows = HOMEDESK_BENCH_SOURCE_DIR "/deploy/tour/flows";
    if (std::filesystem::is_directory(flows))
        for (const auto& entry : std::filesystem::directory_iterator(flows))
            if (entry.path().extension() == ".script" && !needsHeadOffice(entry.path()))
                programs.flowScripts.push_back(entry.path().string());
    std::sort(programs.flowScripts.begin(), programs.flowScripts.end());
    bool custom = false;
    for (const char* flag : {"--launches", "--chromium-runs", "--tours", "--idle-seconds-run"})
        custom = custom || cli.count(flag) > 0;
    if (quick) {
        const auto unset = [&](const char* flag) { return cli.count(flag) == 0; };
        if (unset("--launches")) plan.launches = 5;
        if (unset("--chromium-runs")) plan.chromiumRuns = 3;
        if (unset("--tours")) plan.tourRuns = 1;
        if (unset("--idle-seconds-run")) plan.idleSeconds = 10;
    }

    Table table;
    std::string renderer, loadBefore = loadAverage();
    const std::time_t started = std::time(nullptr);
    try {
        Measurements m(programs, plan, out);
        renderer = m.glRenderer();
        const LaunchFigures launches = m.launches();
        const ChromiumFigures chromium = m.chromium();
        const TourFigures tours = m.tours();
        const IdleFigures idle = m.idle();
        addT1(table, launches, chromium, programs.chromium);
        addT2(table, launches, tours);
        addT3(table, idle);
        addAttract(table, m.attract());
        addT4(table, tours);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "homedesk-bench: %s\n", e.what());
        return 1;
    }

    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", std::localtime(&started));
    utsname host{};
    uname(&host);
    std::printf(
        "\nHomeDesk benchmarks (quality.md T1-T4), %s, %s run: %d launches each, "
        "%d Chromium runs, %d tour%s, %.0f s idle\n",
        when,
        custom  ? "custom"
        : quick ? "quick"
                : "full",
        plan.launches, plan.chromiumRuns, plan.tourRuns, plan.tourRuns == 1 ? "" : "s",
        plan.idleSeconds);
    std::printf("machine: %ld cores, %s, Linux %s, GL: %s; load average %s before, %s after\n\n",
                sysconf(_SC_NPROCESSORS_ONLN), firstLineWith("/proc/cpuinfo", "model name").c_str(),
                host.release, renderer.c_str(), loadBefore.c_str(), loadAverage().c_str());
    table.print(stdout);
    std::printf("\nlogs, statistics and screenshots: %s\n", out.c_str());
    return 0;
}
