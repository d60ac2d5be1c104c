// The terminal's input methods (pinyin and handwriting, behind platform/ interfaces): loaded on
// a worker thread after the first frame so start-up does not wait for them, fed the keys and
// strokes of the on-screen keyboard and pad (intent::Compose), and what they show for the
// screens (ComposeView). Text they commit goes back to the field as intent::Type.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <vector>

#include "base/result.hpp"
#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/text_input.hpp"
#include "platform/handwriting.hpp"
#include "platform/input_method.hpp"

namespace homedesk::app {

class TextInputService {
public:
    struct Makers {
        std::function<Result<std::unique_ptr<platform::InputMethod>>()> pinyin;
        std::function<Result<std::unique_ptr<platform::Handwriting>>()> handwriting;
    };
    explicit TextInputService(Makers makers);
    ~TextInputService();

    // Starts loading on a worker thread (once); the first key waits for it if it is not done.
    void warmUp();
    // Feeds one key or stroke event to the method `method`; returns the intents that carry what
    // was committed (intent::Type) or edit the field (intent::Key).
    std::vector<Intent> handle(const intent::Compose& c, InputMethodKind method);
    // Drops any composition and ink (a new screen, a change of method, the idle wipe).
    void reset();
    const ComposeView& view() const { return m_view; }

    // Milliseconds from a key to its candidates, and from a stroke's end to its candidates.
    const std::vector<double>& keyMillis() const { return m_keyMillis; }
    const std::vector<double>& strokeMillis() const { return m_strokeMillis; }

private:
    struct Loaded {
        std::unique_ptr<platform::InputMethod> pinyin;
        std::unique_ptr<platform::Handwriting> handwriting;
    };
    bool ensureLoaded();
    std::vector<Intent> pinyinKey(const intent::Compose& c);
    std::vector<Intent> ink(const intent::Compose& c);
    void refreshPinyin();
    void recognizeInk();
    std::vector<Intent> commitInk(std::size_t index);

    Makers m_makers;
    std::future<Loaded> m_loading;
    Loaded m_loaded;
    bool m_tried = false;
    ComposeView m_view;
    std::vector<std::size_t> m_pageStarts;  // for PageBack
    std::vector<std::string> m_inkCandidates;
    std::vector<double> m_keyMillis, m_strokeMillis;
};

}  // namespace homedesk::app
