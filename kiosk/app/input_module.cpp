// libhomedesk_input.so's entry points (later_modules.hpp): the pinyin and handwriting adapters.
// Nothing thrown inside leaves through them.
#include "kiosk/app/later_modules.hpp"
#include "kiosk/app/module_entry.hpp"
#include "platform/rime/rime_input_method.hpp"
#include "platform/zinnia/zinnia_handwriting.hpp"

using homedesk::Result;
namespace platform = homedesk::platform;

extern "C" __attribute__((visibility("default"))) Result<std::unique_ptr<platform::InputMethod>>
homedesk_pinyin_open(const std::string& shared, const std::string& deployed) {
    return homedesk::app::catchAll("pinyin", [&]() -> Result<std::unique_ptr<platform::InputMethod>> {
        auto im = platform::RimeInputMethod::create({shared, deployed});
        if (!im) return im.error();
        return std::unique_ptr<platform::InputMethod>(std::move(im).value());
    });
}

extern "C" __attribute__((visibility("default"))) Result<std::unique_ptr<platform::Handwriting>>
homedesk_handwriting_open() {
    return homedesk::app::catchAll("handwriting", []() -> Result<std::unique_ptr<platform::Handwriting>> {
        auto hw = platform::ZinniaHandwriting::create();
        if (!hw) return hw.error();
        return std::unique_ptr<platform::Handwriting>(std::move(hw).value());
    });
}
