// The terminal's pinyin and handwriting: the adapters (librime, zinnia) made on the input
// service's worker thread, and the keys and strokes of the keyboard and pad fed to them.
#include "kiosk/app/kiosk_app.hpp"
#include "platform/rime/rime_input_method.hpp"
#include "platform/zinnia/zinnia_handwriting.hpp"

namespace homedesk::app {

void KioskApp::startTextInput() {
    const std::string deployed = m_config.assetsDir + "/rime";
    TextInputService::Makers makers;
    makers.pinyin = [deployed]() -> Result<std::unique_ptr<platform::InputMethod>> {
        auto im = platform::RimeInputMethod::create({"/usr/share/rime-data", deployed});
        if (!im) return im.error();
        return std::unique_ptr<platform::InputMethod>(std::move(im).value());
    };
    makers.handwriting = []() -> Result<std::unique_ptr<platform::Handwriting>> {
        auto hw = platform::ZinniaHandwriting::create();
        if (!hw) return hw.error();
        return std::unique_ptr<platform::Handwriting>(std::move(hw).value());
    };
    m_textInput = std::make_unique<TextInputService>(std::move(makers));
}

bool KioskApp::applyCompose(const Intent& intent, const ApplyContext& context) {
    const auto* compose = std::get_if<intent::Compose>(&intent);
    if (!compose) return false;
    for (const Intent& follow : m_textInput->handle(*compose, m_state.inputMethod)) apply(m_state, follow, context);
    return true;
}

}  // namespace homedesk::app
