// What the terminal reports about itself at exit (`homedesk --stats FILE`), as the benchmarks
// read it.
#pragma once

#include <map>
#include <string>

namespace homedesk::bench {

struct UiMicros {
    long count = 0;
    double p50 = 0, p99 = 0, max = 0;  // microseconds, NewFrame -> Render; max 0 if not given
};

struct AppStats {
    long framesPresented = 0;
    std::map<std::string, UiMicros> uiPerScreen;
    UiMicros uiAll;
    long atlasBytes = 0;      // 1 byte per texel, the atlas at exit
    long atlasBytesPeak = 0;  // the largest atlas of the run, if the terminal reports it, else 0
    long atlasRebuilds = 0;
    double firstFrameSeconds = 0;  // process start -> first presented frame, in-process clock
    double cpuSeconds = 0;
    long maxRssKib = 0;
};

// Throws std::runtime_error naming the file when it is missing or not the expected JSON.
AppStats readAppStats(const std::string& path);

}  // namespace homedesk::bench
