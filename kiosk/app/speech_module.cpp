// libhomedesk_speech.so's entry point (later_modules.hpp): read-aloud with espeak-ng playing
// into the program's audio output. Nothing thrown inside leaves through it.
#include "kiosk/app/later_modules.hpp"
#include "kiosk/app/module_entry.hpp"
#include "platform/espeak/espeak_speech.hpp"

using homedesk::Result;
namespace platform = homedesk::platform;

extern "C" __attribute__((visibility("default"))) Result<std::unique_ptr<platform::Speech>>
homedesk_speech_open(std::unique_ptr<platform::AudioOut> out) {
    return homedesk::app::catchAll("speech", [&]() -> Result<std::unique_ptr<platform::Speech>> {
        return std::unique_ptr<platform::Speech>(
            std::make_unique<platform::EspeakSpeech>(std::move(out)));
    });
}
