// The terminal's pinyin and handwriting: the adapters (librime, zinnia, in libhomedesk_input.so)
// opened on the input service's worker thread, and the keys and strokes of the keyboard and pad
// fed to them.
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/later_modules.hpp"
#include "kiosk/app/module_loader.hpp"

namespace homedesk::app {

void KioskApp::startTextInput() {
    const std::string deployed = m_config.assetsDir + "/rime";
    TextInputService::Makers makers;
    makers.pinyin = [deployed]() -> Result<std::unique_ptr<platform::InputMethod>> {
        auto open = moduleEntry<PinyinOpenFn>(kInputLibrary, kPinyinOpenSymbol);
        if (!open) return open.error();
        return (*open)("/usr/share/rime-data", deployed);
    };
    makers.handwriting = []() -> Result<std::unique_ptr<platform::Handwriting>> {
        auto open = moduleEntry<HandwritingOpenFn>(kInputLibrary, kHandwritingOpenSymbol);
        if (!open) return open.error();
        return (*open)();
    };
    m_textInput = std::make_unique<TextInputService>(std::move(makers));
}

bool KioskApp::applyCompose(const Intent& intent, const ApplyContext& context) {
    const auto* compose = std::get_if<intent::Compose>(&intent);
    if (!compose) return false;
    for (const Intent& follow : m_textInput->handle(*compose, m_state.inputMethod))
        apply(m_state, follow, context);
    return true;
}

}  // namespace homedesk::app
