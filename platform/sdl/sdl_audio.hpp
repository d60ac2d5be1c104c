// Plays synthesized speech through SDL's audio queue. Without a sound device it logs once and
// stays silent: the terminal works on.
#pragma once

#include <memory>

#include "platform/espeak/espeak_speech.hpp"

namespace homedesk::platform {

std::unique_ptr<AudioOut> makeSdlAudioOut();

}  // namespace homedesk::platform
