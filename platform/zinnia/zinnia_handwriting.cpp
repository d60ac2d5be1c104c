#include "platform/zinnia/zinnia_handwriting.hpp"

#include <zinnia.h>

#include <mutex>

namespace homedesk::platform {

namespace {
// The model's strokes were written in a box of this size.
constexpr int kBox = 1000;
}  // namespace

struct ZinniaHandwriting::Parts {
    zinnia_recognizer_t* recognizer = nullptr;
    zinnia_character_t* character = nullptr;
    std::mutex mutex;  // the character is reused between calls
};

Result<std::unique_ptr<ZinniaHandwriting>> ZinniaHandwriting::create(const std::string& model) {
    std::unique_ptr<ZinniaHandwriting> hw(new ZinniaHandwriting());
    hw->m_parts = std::make_unique<Parts>();
    hw->m_parts->recognizer = zinnia_recognizer_new();
    hw->m_parts->character = zinnia_character_new();
    if (!zinnia_recognizer_open(hw->m_parts->recognizer, model.c_str()))
        return ioError(model, std::string("zinnia cannot open the model: ") +
                                  zinnia_recognizer_strerror(hw->m_parts->recognizer));
    return hw;
}

ZinniaHandwriting::~ZinniaHandwriting() {
    if (!m_parts) return;
    if (m_parts->character) zinnia_character_destroy(m_parts->character);
    if (m_parts->recognizer) zinnia_recognizer_destroy(m_parts->recognizer);
}

std::vector<std::string> ZinniaHandwriting::recognize(const std::vector<InkStroke>& strokes,
                                                      std::size_t count) const {
    std::vector<std::string> out;
    if (strokes.empty() || count == 0) return out;
    std::lock_guard lock(m_parts->mutex);
    zinnia_character_t* c = m_parts->character;
    zinnia_character_clear(c);
    zinnia_character_set_width(c, kBox);
    zinnia_character_set_height(c, kBox);
    size_t id = 0;
    for (const InkStroke& stroke : strokes) {
        if (stroke.empty()) continue;
        for (const InkPoint& p : stroke)
            zinnia_character_add(c, id, static_cast<int>(p.x * kBox), static_cast<int>(p.y * kBox));
        ++id;
    }
    if (id == 0) return out;
    zinnia_result_t* result = zinnia_recognizer_classify(m_parts->recognizer, c, count);
    if (!result) return out;
    for (size_t i = 0; i < zinnia_result_size(result); ++i)
        out.emplace_back(zinnia_result_value(result, i));
    zinnia_result_destroy(result);
    return out;
}

}  // namespace homedesk::platform
