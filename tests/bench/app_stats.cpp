// Reads the JSON that `homedesk --stats` writes at exit.
#include "tests/bench/app_stats.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace homedesk::bench {

namespace {
UiMicros uiMicros(const nlohmann::json& j) {
    return {j.at("count").get<long>(), j.at("p50").get<double>(), j.at("p99").get<double>(),
            j.value("max", 0.0)};
}
}  // namespace

AppStats readAppStats(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": no statistics (did the program exit early?)");
    try {
        const auto j = nlohmann::json::parse(in);
        AppStats s;
        s.framesPresented = j.at("frames_presented").get<long>();
        if (j.contains("ui_us"))
            for (const auto& [screen, v] : j.at("ui_us").items())
                s.uiPerScreen[screen] = uiMicros(v);
        s.uiAll = uiMicros(j.at("ui_us_all"));
        s.atlasBytes = j.at("atlas_bytes").get<long>();
        s.atlasBytesPeak = j.value("atlas_bytes_max", 0L);
        s.atlasRebuilds = j.at("atlas_rebuilds").get<long>();
        s.firstFrameSeconds = j.at("first_frame_s").get<double>();
        s.cpuSeconds = j.at("cpu_s").get<double>();
        s.maxRssKib = j.at("max_rss_kib").get<long>();
        return s;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": unexpected statistics: " + e.what());
    }
}

}  // namespace homedesk::bench
