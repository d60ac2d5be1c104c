// Plays synthesized speech through SDL's audio queue. Without a sound device it logs once and
// stays silent: the terminal works on.
#pragma once

#include <memory>

#include "platform/audio_out.hpp"

namespace homedesk::platform {

std::unique_ptr<AudioOut> makeSdlAudioOut();

}  // namespace homedesk::platform
