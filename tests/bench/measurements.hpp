// The runs behind T1-T4: what is started, how often, and the raw figures each run gives.
// A program that cannot run (fails to start, exits non-zero, writes no statistics) throws
// std::runtime_error naming its log.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace homedesk::bench {

struct Programs {
    std::string homedesk, floor, chromium;
    std::string tourScript, homePage;  // the tour of every screen; Chromium's Home page
    std::vector<std::string> flowScripts;  // deploy/tour/flows: each flow's screens, for T4
};

struct Plan {
    int launches = 20;  // T1: of the terminal and of the floor each
    int chromiumRuns = 5;
    int tourRuns = 3;          // T2, T4: tours without screenshots (one more is run with them)
    double idleSeconds = 60;   // T3: the measured window...
    double settleSeconds = 3;  // ...starting this long after start, when Home is surely up
};

struct LaunchFigures {
    std::vector<double> floorWall, floorRssKib;
    std::vector<double> drawWall, drawRssKib;  // the floor with one shaded draw (--draw)
    std::vector<double> appWall, appRssKib, appFirstFrame;
};

struct ChromiumFigures {
    bool installed = false;
    std::vector<double> wall, largestRssKib;  // per run; largest single process of the tree
};

struct TourFigures {
    std::vector<double> rssKib, p99All;                   // per tour without screenshots
    std::map<std::string, std::vector<double>> p99, max;  // per screen, per tour or flow run
    std::map<std::string, long> samples;                  // per screen, over all tours
    double rssWithShotsKib = 0;
    long atlasPeakBytes = 0;
    std::string atlasSource;  // where atlasPeakBytes comes from
};

struct IdleFigures {
    double windowSeconds = 0, cpuWindow = 0;  // the terminal over the window after settling
    double wholeSeconds = 0, cpuWhole = 0;    // the terminal, start to exit
    double floorCpuWindow = 0;                // the floor, idle beside it, same window
    long framesAfterFirst = 0;
    long minuteChanges = 0;  // of the header clock while Home was up
    bool settled = true;     // Home was up before the window began
};

struct AttractFigures {
    double windowSeconds = 0, cpuWindow = 0;  // over the window, the loop already showing
    long framesPresented = 0;                 // start to exit
    std::string mode;                         // what showed at exit: "attract" or "takeover"
};

class Measurements {
public:
    Measurements(Programs programs, Plan plan, std::string outDir);

    std::string glRenderer();
    LaunchFigures launches();
    ChromiumFigures chromium();
    TourFigures tours();
    IdleFigures idle();
    AttractFigures attract();

private:
    std::vector<std::string> app(std::vector<std::string> extra) const;
    std::string path(const std::string& name) const { return m_out + "/" + name; }
    Programs m_programs;
    Plan m_plan;
    std::string m_out;
};

}  // namespace homedesk::bench
