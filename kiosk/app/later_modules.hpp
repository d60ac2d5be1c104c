// The parts that start after the first frame, each built as a library of its own and opened by
// module_loader only when first needed: pinyin and handwriting (librime, zinnia and their ~15
// libraries: ICU, Boost, LevelDB...) and read-aloud (espeak-ng and its audio codecs). Start-up
// (T1) maps none of them. Both sides are built together, so C++ types pass between them; no
// exception does.
#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "platform/audio_out.hpp"
#include "platform/handwriting.hpp"
#include "platform/input_method.hpp"
#include "platform/speech.hpp"

namespace homedesk::app {

inline constexpr const char* kInputLibrary = "libhomedesk_input.so";
using PinyinOpenFn = Result<std::unique_ptr<platform::InputMethod>> (*)(const std::string& shared,
                                                                        const std::string& deployed);
using HandwritingOpenFn = Result<std::unique_ptr<platform::Handwriting>> (*)();
inline constexpr const char* kPinyinOpenSymbol = "homedesk_pinyin_open";
inline constexpr const char* kHandwritingOpenSymbol = "homedesk_handwriting_open";

inline constexpr const char* kSpeechLibrary = "libhomedesk_speech.so";
using SpeechOpenFn = Result<std::unique_ptr<platform::Speech>> (*)(
    std::unique_ptr<platform::AudioOut> out);
inline constexpr const char* kSpeechOpenSymbol = "homedesk_speech_open";

}  // namespace homedesk::app
