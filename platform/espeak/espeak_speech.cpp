#include "platform/espeak/espeak_speech.hpp"

#include <algorithm>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <spdlog/spdlog.h>

#include <cstring>

namespace homedesk::platform {

namespace {
int collect(short* wav, int count, espeak_EVENT* events) {
    if (wav && count > 0 && events && events->user_data) {
        auto* out = static_cast<std::vector<int16_t>*>(events->user_data);
        out->insert(out->end(), wav, wav + count);
    }
    return 0;  // continue
}
std::string describe(espeak_ng_STATUS status) {
    char buf[512] = {};
    espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
    return buf;
}
}  // namespace

Result<std::unique_ptr<EspeakSynth>> EspeakSynth::create(const std::string& dataPath) {
    espeak_ng_InitializePath(dataPath.empty() ? nullptr : dataPath.c_str());
    if (auto s = espeak_ng_Initialize(nullptr); s != ENS_OK)
        return Error{Error::Kind::Unavailable, "espeak-ng", "cannot start: " + describe(s), false};
    if (auto s = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr); s != ENS_OK)
        return Error{Error::Kind::Unavailable, "espeak-ng", "no synchronous output: " + describe(s),
                     false};
    espeak_SetSynthCallback(collect);
    return std::unique_ptr<EspeakSynth>(new EspeakSynth());
}

EspeakSynth::~EspeakSynth() { espeak_ng_Terminate(); }

Result<Pcm> EspeakSynth::synthesize(const std::string& text, Voice voice, SpeechLevels levels) {
    const char* name = voice == Voice::Mandarin ? "cmn" : "en";
    if (auto s = espeak_ng_SetVoiceByName(name); s != ENS_OK)
        return Error{Error::Kind::Unavailable, "espeak-ng",
                     std::string("no voice ") + name + ": " + describe(s), false};
    const int calm = voice == Voice::Mandarin ? 150 : 160;  // words per minute: a calm pace
    espeak_SetParameter(espeakRATE, calm * std::clamp(levels.ratePercent, 50, 200) / 100, 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(levels.volumePercent, 10, 200), 0);
    Pcm pcm;
    pcm.sampleRate = espeak_ng_GetSampleRate();
    const auto status = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, &pcm.samples);
    if (status != ENS_OK)
        return Error{Error::Kind::Internal, "espeak-ng", "synthesis failed: " + describe(status),
                     false};
    return pcm;
}

EspeakSpeech::EspeakSpeech(std::unique_ptr<AudioOut> out)
    : m_out(std::move(out)), m_thread([this] { run(); }) {}

EspeakSpeech::~EspeakSpeech() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_out->stop();
}

void EspeakSpeech::say(const std::string& text, Voice voice) {
    {
        std::lock_guard lock(m_mutex);
        m_next = {text, voice};
    }
    m_out->stop();
    m_wake.notify_one();
}

void EspeakSpeech::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_next.reset();
    }
    m_out->stop();
}

void EspeakSpeech::run() {
    try {
        while (true) {
            std::pair<std::string, Voice> job;
            SpeechLevels levels;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_quit || m_next; });
                if (m_quit) return;
                job = std::move(*m_next);
                levels = m_levels;
                m_next.reset();
            }
            if (!m_synth) {
                auto synth = EspeakSynth::create();
                if (!synth) {
                    spdlog::warn("read-aloud unavailable: {}", synth.error().message);
                    return;
                }
                m_synth = std::move(synth).value();
            }
            auto pcm = m_synth->synthesize(job.first, job.second, levels);
            if (!pcm) {
                spdlog::warn("read-aloud: {}", pcm.error().message);
                continue;
            }
            std::lock_guard lock(m_mutex);
            if (!m_next && !m_quit) m_out->play(pcm.value());  // a newer request wins
        }
    } catch (const std::exception& e) {
        spdlog::error("read-aloud stopped: {}", e.what());
    } catch (...) {
        spdlog::error("read-aloud stopped: an unknown exception");
    }
}

void EspeakSpeech::setLevels(SpeechLevels levels) {
    std::lock_guard lock(m_mutex);
    m_levels = levels;
}

}  // namespace homedesk::platform
