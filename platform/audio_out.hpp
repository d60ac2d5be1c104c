// Where synthesized speech goes: 16-bit mono samples played on the sound card, or nowhere in a
// test. Neutral: neither the synthesizer (espeak) nor the player (SDL) is named here.
#pragma once

#include <cstdint>
#include <vector>

namespace homedesk::platform {

struct Pcm {
    int sampleRate = 0;
    std::vector<int16_t> samples;
};

class AudioOut {
public:
    virtual ~AudioOut() = default;
    virtual void play(const Pcm& pcm) = 0;
    virtual void stop() = 0;
};

}  // namespace homedesk::platform
