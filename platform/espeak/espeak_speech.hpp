// Text to speech with espeak-ng (voice "cmn" for Mandarin, "en" for English) on its own
// thread. Synthesis fills a buffer of 16-bit mono samples; an AudioOut plays them.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/result.hpp"
#include "platform/audio_out.hpp"
#include "platform/speech.hpp"

namespace homedesk::platform {

// Synthesizes `text` in one go (espeak-ng is not thread-safe: one synthesizer per process,
// used from one thread at a time).
class EspeakSynth {
public:
    static Result<std::unique_ptr<EspeakSynth>> create(const std::string& dataPath = {});
    ~EspeakSynth();
    Result<Pcm> synthesize(const std::string& text, Voice voice, SpeechLevels levels = {});

private:
    EspeakSynth() = default;
};

// Starts espeak-ng on its own thread at the first request, so loading voices costs start-up
// nothing; if espeak-ng cannot start, it says so once in the log and stays silent.
class EspeakSpeech final : public Speech {
public:
    explicit EspeakSpeech(std::unique_ptr<AudioOut> out);
    ~EspeakSpeech() override;
    void say(const std::string& text, Voice voice) override;
    void stop() override;
    void setLevels(SpeechLevels levels) override;

private:
    void run();

    std::unique_ptr<EspeakSynth> m_synth;
    std::unique_ptr<AudioOut> m_out;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<std::pair<std::string, Voice>> m_next;  // only the newest request waits
    bool m_quit = false;
    SpeechLevels m_levels;
    std::thread m_thread;
};

}  // namespace homedesk::platform
