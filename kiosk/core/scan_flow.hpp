// 扫码服务: aim a code at the camera (or a barcode scanner), see what it is in large type, and
// go where it leads: a receipt to Track, a household card or location sticker to a repair with
// the place filled, an invitation to its survey, a staff badge to the PIN pad and then the staff
// pages. A refused code says why in plain words and opens nothing. The keypad is the fallback
// for the receipt's tracking code. What the codes mean is decided by sync/protocol's classifier.
#pragma once

#include <functional>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "base/scan_result.hpp"
#include "kiosk/core/flow.hpp"
#include "kiosk/core/step_stack.hpp"
#include "kiosk/core/track_flow.hpp"

namespace homedesk {

// What the camera shows this frame, for the scan screen (the app fills it from the scanner).
struct ScanView {
    enum class Camera { None, Running, Unplugged, Failed };
    Camera camera = Camera::None;
    int width = 0;  // the preview: a small grey copy of the newest frame
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

class ScanFlow final : public Flow {
public:
    static constexpr ScreenId kScreen = ScreenId::Scan;
    enum class Step { Aim, Result, Refused, StaffPin, Code };
    enum class Distance { Unknown, TooClose, TooFar, Good };
    static constexpr std::size_t kPinMax = 8;

    Step step() const { return m_steps.top(); }
    const ScanResult& result() const { return m_result; }
    Distance distance() const { return m_distance; }

    // A code was read and classified: its result (or refusal) is shown.
    void scanned(ScanResult result);
    // How large the code was in the frame (its side, the frame's shorter side, in pixels).
    void sized(int side, int frameShortSide);
    // The keypad instead of the camera: the receipt's tracking code.
    void openCode();
    FlowOutcome codeTyped(const std::string& digits);
    // The staff badge's PIN; a wrong one counts against the terminal's guard (5 then a pause).
    // True when it opens the staff pages.
    bool pinTyped(const std::string& digits, TrackGuard& guard, std::int64_t now);
    void again();  // back to aiming

    // Flow
    ScreenId screen() const override { return kScreen; }
    std::string_view stepName() const override;
    const std::string& lastError() const override { return m_steps.lastError(); }
    EntrySpec entrySpec() const override;
    bool back() override;
    std::string announceKey() const override;
    void report(nlohmann::json& out) const override;

private:
    StepStack<Step> m_steps{Step::Aim};
    ScanResult m_result;
    Distance m_distance = Distance::Unknown;
};

std::string_view stepName(ScanFlow::Step step);
// The catalog key of what a refusal says ("scan.refused.forged"), of a kind ("scan.kind.location").
std::string refusalKey(ScanRefusal refusal);
std::string kindKey(ScanKind kind);

}  // namespace homedesk
