// What the frame loop measures about itself: frames presented, UI time per frame and screen,
// font atlas rebuilds. Written as JSON at exit for the benchmarks.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace homedesk::app {

struct FrameStats {
    long framesPresented = 0;
    long passes = 0;  // UI passes, including those redrawn before presenting
    std::map<std::string, std::vector<double>> uiMicros;  // per screen: NewFrame -> Render
    std::vector<double> atlasMillis;
    size_t atlasBytes = 0;
    size_t atlasBytesMax = 0;  // the largest the atlas was during the run
    size_t atlasGlyphs = 0;
    double firstFrameSeconds = 0;  // main() entered -> first presented frame
    long frameFaults = 0;
    std::vector<double> imeKeyMillis;     // a pinyin key to its candidates
    std::vector<double>
        inkStrokeMillis;  // a handwritten stroke's end to its candidates  // frames that threw:
                          // each logged, the session dropped, Home shown

    Result<bool> write(const std::string& path) const;
};

// The p-th percentile (0..100) of `samples`, nearest-rank; 0 for none.
double percentile(std::vector<double> samples, double p);

}  // namespace homedesk::app
