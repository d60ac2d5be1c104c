#include "kiosk/app/frame_stats.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace homedesk::app {

double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank =
        static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

Result<bool> FrameStats::write(const std::string& path) const {
    nlohmann::json j;
    j["frames_presented"] = framesPresented;
    j["ui_passes"] = passes;
    std::vector<double> all;
    for (const auto& [screen, samples] : uiMicros) {
        j["ui_us"][screen] = {{"count", samples.size()},
                              {"p50", percentile(samples, 50)},
                              {"p99", percentile(samples, 99)},
                              {"max", percentile(samples, 100)}};
        all.insert(all.end(), samples.begin(), samples.end());
    }
    j["ui_us_all"] = {
        {"count", all.size()}, {"p50", percentile(all, 50)}, {"p99", percentile(all, 99)}};
    j["atlas_rebuilds"] = atlasMillis.size();
    j["atlas_ms"] = atlasMillis;
    j["atlas_bytes"] = atlasBytes;
    j["atlas_bytes_max"] = atlasBytesMax;
    j["atlas_glyphs"] = atlasGlyphs;
    j["first_frame_s"] = firstFrameSeconds;
    j["frame_faults"] = frameFaults;
    j["ime_key_ms"] = {{"count", imeKeyMillis.size()}, {"p95", percentile(imeKeyMillis, 95)}};
    j["ink_stroke_ms"] = {{"count", inkStrokeMillis.size()},
                          {"p95", percentile(inkStrokeMillis, 95)}};
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto secs = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    j["cpu_s"] = secs(usage.ru_utime) + secs(usage.ru_stime);
    j["max_rss_kib"] = usage.ru_maxrss;
    std::ofstream out(path);
    out << j.dump(2) << "\n";
    if (!out) return ioError(path, "cannot write the frame statistics");
    return true;
}

}  // namespace homedesk::app
