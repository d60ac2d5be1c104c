#include "platform/sdl/sdl_audio.hpp"

#include <SDL2/SDL.h>
#include <spdlog/spdlog.h>

namespace homedesk::platform {

namespace {
class SdlAudioOut final : public AudioOut {
public:
    ~SdlAudioOut() override {
        if (m_device) SDL_CloseAudioDevice(m_device);
        if (m_started) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    void play(const Pcm& pcm) override {
        if (!open(pcm.sampleRate)) return;
        SDL_ClearQueuedAudio(m_device);
        SDL_QueueAudio(m_device, pcm.samples.data(),
                       static_cast<Uint32>(pcm.samples.size() * sizeof(int16_t)));
        SDL_PauseAudioDevice(m_device, 0);
    }
    void stop() override {
        if (m_device) SDL_ClearQueuedAudio(m_device);
    }

private:
    bool open(int rate) {
        if (m_device && rate == m_rate) return true;
        if (m_failed) return false;
        if (!m_started) {
            if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return fail();
            m_started = true;
        }
        if (m_device) SDL_CloseAudioDevice(m_device);
        SDL_AudioSpec want{};
        want.freq = rate;
        want.format = AUDIO_S16SYS;
        want.channels = 1;
        want.samples = 2048;
        m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
        if (!m_device) return fail();
        m_rate = rate;
        return true;
    }
    bool fail() {
        spdlog::warn("read-aloud: no sound output ({}); speech stays silent", SDL_GetError());
        m_failed = true;
        return false;
    }
    SDL_AudioDeviceID m_device = 0;
    int m_rate = 0;
    bool m_started = false;
    bool m_failed = false;
};
}  // namespace

std::unique_ptr<AudioOut> makeSdlAudioOut() { return std::make_unique<SdlAudioOut>(); }

}  // namespace homedesk::platform
