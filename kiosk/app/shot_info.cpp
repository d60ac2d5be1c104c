// Builds the screenshot report from the app's parts.
#include "kiosk/app/shot_info.hpp"

#include <cstdio>

namespace homedesk::app {

nlohmann::json shotInfo(const ShotSources& in) {
    nlohmann::json j;
    j["screen"] = screenName(in.state.screen());
    j["language"] = languageCode(in.state.settings.language);
    j["large_text"] = in.state.settings.largeText;
    j["high_contrast"] = in.highContrast;
    j["read_aloud"] = in.state.settings.readAloud;
    j["prompting"] = in.prompting;
    j["frame_faults"] = in.frameFaults;
    j["width"] = in.width;
    j["height"] = in.height;
    j["min_target_px"] = in.theme.minTargetPx;
    j["px_per_mm"] = in.theme.options.pxPerMm;
    j["body_px"] = in.theme.bodyPx;
    j["atlas_bytes"] = in.fonts.textureBytes();
    j["atlas_glyphs"] = in.fonts.glyphCount();
    std::vector<std::string> missing;
    for (char32_t cp : in.fonts.missing()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        missing.push_back(buf);
    }
    j["missing_glyphs"] = missing;
    j["spoken"] = in.spoken;
    j["entry"] = in.state.entry;
    j["entry_error"] = in.state.entryError;
    j["input_method"] = std::string(toString(in.state.inputMethod));
    // Every open flow, bottom of the stack first: the one in front has the last word.
    for (const Flow* f : in.state.openFlows()) {
        j[std::string(screenName(f->screen())) + "_step"] = f->stepName();
        j["flow_error"] = f->lastError();
        if (const Receipt* r = f->receipt()) {
            j["receipt_code"] = r->trackingCode;
            j["receipt_delivered"] = r->delivered;
        }
        f->report(j);
    }
    j["sync"] = {{"state", syncLightName(syncLight(in.sync))},
                 {"queued", in.sync.queued},
                 {"enrolled", in.sync.enrolled},
                 {"terminal_id", in.sync.terminalId},
                 {"last_error", in.sync.lastErrorKey}};
    if (in.state.enroll) {
        const char* phases[] = {"typing", "working", "failed"};
        j["enroll"] = {{"sent", in.state.enroll->code()},
                       {"phase", phases[static_cast<int>(in.state.enroll->phase())]},
                       {"error", in.state.enroll->errorKey()}};
    }
    const auto mode = in.state.idleShow.mode();
    j["idle_show"] = mode == IdleShow::Mode::Takeover  ? "takeover"
                     : mode == IdleShow::Mode::Attract ? "attract"
                                                       : "off";
    j["idle_show_notice"] = in.state.idleShow.noticeId();
    j["notices_current"] = currentNotices(in.state.notices, in.now).size();
    auto& widgets = j["widgets"] = nlohmann::json::array();
    for (const auto& w : in.widgets.widgets())
        widgets.push_back({{"id", w.id},
                           {"label", w.label},
                           {"x", w.rect.x},
                           {"y", w.rect.y},
                           {"w", w.rect.w},
                           {"h", w.rect.h}});
    return j;
}

}  // namespace homedesk::app
