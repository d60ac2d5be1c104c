#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "platform/espeak/espeak_speech.hpp"

using namespace homedesk::platform;
using namespace std::chrono_literals;

namespace {
// Records what would have gone to the sound card.
class RecordingOut final : public AudioOut {
public:
    void play(const Pcm& pcm) override {
        std::lock_guard lock(m);
        played.push_back(pcm);
        cv.notify_all();
    }
    void stop() override {}
    bool waitFor(size_t n) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, 20s, [&] { return played.size() >= n; });
    }
    std::mutex m;
    std::condition_variable cv;
    std::vector<Pcm> played;
};
}  // namespace

TEST_CASE("espeak-ng speaks Mandarin and English into real samples", "[platform][speech]") {
    auto synth = EspeakSynth::create();
    REQUIRE(synth.ok());
    auto zh = synth.value()->synthesize("报修已提交", Voice::Mandarin);
    REQUIRE(zh.ok());
    CHECK(zh->sampleRate > 8000);
    // At least half a second of sound, and not silence.
    CHECK(zh->samples.size() > size_t(zh->sampleRate) / 2);
    int peak = 0;
    for (int16_t s : zh->samples) peak = std::max(peak, std::abs(int(s)));
    CHECK(peak > 1000);
    auto en = synth.value()->synthesize("Your repair request was received.", Voice::English);
    REQUIRE(en.ok());
    CHECK(en->samples.size() > size_t(en->sampleRate) / 2);
}

TEST_CASE("read-aloud synthesizes on its own thread and plays the result", "[platform][speech]") {
    auto out = std::make_unique<RecordingOut>();
    RecordingOut* rec = out.get();
    EspeakSpeech speech(std::move(out));  // owns `rec`
    speech.say("您还在使用吗", Voice::Mandarin);
    REQUIRE(rec->waitFor(1));
    speech.say("Continue", Voice::English);
    REQUIRE(rec->waitFor(2));
    std::lock_guard lock(rec->m);
    CHECK(rec->played.size() == 2);
    CHECK(rec->played[0].samples.size() > rec->played[1].samples.size());  // the longer phrase
}
