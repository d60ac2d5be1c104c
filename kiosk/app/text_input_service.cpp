#include "kiosk/app/text_input_service.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace homedesk::app {

namespace {
// Candidates fetched at a time: more than any candidate bar shows, so it knows there are more.
constexpr std::size_t kFetch = 12;
using K = intent::Compose::Kind;

double millisSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}
}  // namespace

TextInputService::TextInputService(Makers makers) : m_makers(std::move(makers)) {}

TextInputService::~TextInputService() {
    if (m_loading.valid()) m_loading.wait();
}

void TextInputService::warmUp() {
    if (m_loading.valid() || m_tried) return;
    m_loading = std::async(std::launch::async, [makers = m_makers]() {
        Loaded loaded;
        try {
            const auto start = std::chrono::steady_clock::now();
            if (auto im = makers.pinyin(); im) loaded.pinyin = std::move(im).value();
            else spdlog::error("pinyin: {}: {}", im.error().where, im.error().message);
            if (auto hw = makers.handwriting(); hw) loaded.handwriting = std::move(hw).value();
            else spdlog::error("handwriting: {}: {}", hw.error().where, hw.error().message);
            spdlog::info("input methods loaded in {:.0f} ms", millisSince(start));
        } catch (const std::exception& e) {
            spdlog::error("input methods: {}", e.what());
        } catch (...) {
            spdlog::error("input methods: an unknown exception");
        }
        return loaded;
    });
}

bool TextInputService::ensureLoaded() {
    if (!m_tried) {
        warmUp();
        m_loaded = m_loading.get();
        m_tried = true;
        m_view.ready = m_loaded.pinyin || m_loaded.handwriting;
    }
    return m_view.ready;
}

void TextInputService::reset() {
    if (m_loaded.pinyin) m_loaded.pinyin->clear();
    const bool ready = m_view.ready;
    m_view = {};
    m_view.ready = ready;
    m_pageStarts.clear();
    m_inkCandidates.clear();
}

std::vector<Intent> TextInputService::handle(const intent::Compose& c, InputMethodKind method) {
    ensureLoaded();
    if (method == InputMethodKind::Handwriting) return ink(c);
    return pinyinKey(c);
}

void TextInputService::refreshPinyin() {
    platform::InputMethod& im = *m_loaded.pinyin;
    m_view.preedit = im.preedit();
    m_view.candidates =
        m_view.preedit.empty() ? std::vector<std::string>{} : im.candidates(m_view.first, kFetch);
}

std::vector<Intent> TextInputService::pinyinKey(const intent::Compose& c) {
    const bool composing = !m_view.preedit.empty();
    if (!m_loaded.pinyin) {  // no pinyin on this terminal: keys type their letters
        if (c.kind == K::Letter) return {intent::Type{std::string(1, c.letter)}};
        if (c.kind == K::Backspace) return {intent::Key{intent::Key::kBackspace}};
        if (c.kind == K::Space) return {intent::Type{" "}};
        return {};
    }
    platform::InputMethod& im = *m_loaded.pinyin;
    const auto start = std::chrono::steady_clock::now();
    std::string committed;
    switch (c.kind) {
        case K::Letter:
            committed = im.key(c.letter);
            m_view.first = 0;
            m_pageStarts.clear();
            break;
        case K::Backspace:
            if (!composing) return {intent::Key{intent::Key::kBackspace}};
            im.backspace();
            m_view.first = 0;
            m_pageStarts.clear();
            break;
        case K::Space:
            if (!composing) return {intent::Type{" "}};
            committed = im.select(0);
            break;
        case K::Choose:
            committed = im.select(c.index);
            m_view.first = 0;
            m_pageStarts.clear();
            break;
        case K::PageOn:
            if (c.index <= m_view.first) return {};
            m_pageStarts.push_back(m_view.first);
            m_view.first = c.index;
            break;
        case K::PageBack:
            if (m_pageStarts.empty()) return {};
            m_view.first = m_pageStarts.back();
            m_pageStarts.pop_back();
            break;
        default: return {};
    }
    if (!committed.empty()) {
        m_view.first = 0;
        m_pageStarts.clear();
    }
    refreshPinyin();
    m_keyMillis.push_back(millisSince(start));
    if (committed.empty()) return {};
    return {intent::Type{committed}};
}

void TextInputService::recognizeInk() {
    const auto start = std::chrono::steady_clock::now();
    const auto& strokes = m_view.ink[m_view.inkBox];
    std::vector<platform::InkStroke> converted;
    converted.reserve(strokes.size());
    for (const InkLine& line : strokes) {
        platform::InkStroke s;
        s.reserve(line.size());
        for (const InkDot& d : line) s.push_back({d.x, d.y});
        converted.push_back(std::move(s));
    }
    m_inkCandidates = m_loaded.handwriting ? m_loaded.handwriting->recognize(converted, kFetch)
                                           : std::vector<std::string>{};
    m_view.first = 0;
    m_pageStarts.clear();
    m_view.candidates = m_inkCandidates;
    if (!strokes.empty()) m_strokeMillis.push_back(millisSince(start));
}

std::vector<Intent> TextInputService::commitInk(std::size_t index) {
    if (index >= m_inkCandidates.size()) return {};
    std::string text = m_inkCandidates[index];
    m_view.ink[m_view.inkBox].clear();
    m_inkCandidates.clear();
    m_view.candidates.clear();
    return {intent::Type{std::move(text)}};
}

std::vector<Intent> TextInputService::ink(const intent::Compose& c) {
    auto& box = m_view.ink[m_view.inkBox];
    switch (c.kind) {
        case K::InkDown: {
            std::vector<Intent> out;
            const int target = std::clamp(c.box, 0, kInkBoxes - 1);
            // Writing in the other box: the character in this one is taken as its best guess.
            if (target != m_view.inkBox && !box.empty()) {
                out = commitInk(0);
                box.clear();
            }
            m_view.inkBox = target;
            m_view.ink[target].push_back({{c.x, c.y}});
            return out;
        }
        case K::InkMove:
            if (!box.empty()) {
                const InkDot& last = box.back().back();
                if (last.x != c.x || last.y != c.y) box.back().push_back({c.x, c.y});
            }
            return {};
        case K::InkUp: recognizeInk(); return {};
        case K::UndoStroke:
            if (!box.empty()) box.pop_back();
            recognizeInk();
            return {};
        case K::ClearInk:
            for (auto& b : m_view.ink) b.clear();
            m_inkCandidates.clear();
            m_view.candidates.clear();
            return {};
        case K::Choose: return commitInk(c.index);
        case K::Backspace:
            if (!box.empty()) {
                box.pop_back();
                recognizeInk();
                return {};
            }
            return {intent::Key{intent::Key::kBackspace}};
        case K::Space: return {intent::Type{" "}};
        case K::Letter: return {intent::Type{std::string(1, c.letter)}};
        case K::PageOn:
            if (c.index <= m_view.first || c.index >= m_inkCandidates.size()) return {};
            m_pageStarts.push_back(m_view.first);
            m_view.first = c.index;
            m_view.candidates.assign(m_inkCandidates.begin() + static_cast<long>(c.index),
                                     m_inkCandidates.end());
            return {};
        case K::PageBack:
            if (m_pageStarts.empty()) return {};
            m_view.first = m_pageStarts.back();
            m_pageStarts.pop_back();
            m_view.candidates.assign(m_inkCandidates.begin() + static_cast<long>(m_view.first),
                                     m_inkCandidates.end());
            return {};
    }
    return {};
}

}  // namespace homedesk::app
