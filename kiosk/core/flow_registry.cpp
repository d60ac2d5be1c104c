// The registry of flows: one line per flow.
#include "kiosk/core/flow_registry.hpp"

#include "kiosk/core/complaint_flow.hpp"
#include "kiosk/core/notices_flow.hpp"
#include "kiosk/core/repair_flow.hpp"
#include "kiosk/core/scan_flow.hpp"
#include "kiosk/core/survey_flow.hpp"
#include "kiosk/core/track_flow.hpp"

namespace homedesk {
namespace {

using Make = std::unique_ptr<Flow> (*)(const Directory* directory);

template <typename F>
std::unique_ptr<Flow> plain(const Directory*) {
    return std::make_unique<F>();
}

std::unique_ptr<Flow> repair(const Directory* directory) {
    if (!directory) return nullptr;
    return std::make_unique<RepairFlow>(*directory);
}

struct Registration {
    ScreenId screen;
    Make make;
};

const Registration kFlows[] = {
    {ScreenId::Repair, repair},
    {ScreenId::Complaint, plain<ComplaintFlow>},
    {ScreenId::Survey, plain<SurveyFlow>},
    {ScreenId::Notices, plain<NoticesFlow>},
    {ScreenId::Track, plain<TrackFlow>},
    {ScreenId::Scan, plain<ScanFlow>},
};

}  // namespace

std::unique_ptr<Flow> makeFlow(ScreenId screen, const Directory* directory) {
    for (const Registration& r : kFlows)
        if (r.screen == screen) return r.make(directory);
    return nullptr;
}

}  // namespace homedesk
