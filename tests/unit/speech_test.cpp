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

namespace {
double seconds(const Pcm& pcm) { return double(pcm.samples.size()) / pcm.sampleRate; }
int peak(const Pcm& pcm) {
    int p = 0;
    for (int16_t s : pcm.samples) p = std::max(p, std::abs(int(s)));
    return p;
}
}  // namespace

TEST_CASE("a prompt and a notice render to sound of a length plausible for their text", "[platform][speech]") {
    auto synth = EspeakSynth::create();
    REQUIRE(synth.ok());
    const std::string prompt = "请说明情况";  // 5 characters
    const std::string notice =
        "停水通知。因管道检修，本周三上午九点至下午三点，三号楼全天停水，请提前储水，给您带来不便，敬请谅解。";  // 47
    auto p = synth.value()->synthesize(prompt, Voice::Mandarin);
    auto n = synth.value()->synthesize(notice, Voice::Mandarin);
    REQUIRE(p.ok());
    REQUIRE(n.ok());
    CHECK(peak(*p) > 1000);
    CHECK(peak(*n) > 1000);
    // A calm Mandarin pace: between 1.5 and 8 characters a second, pauses included.
    CHECK(seconds(*p) > 5 / 8.0);
    CHECK(seconds(*p) < 5 / 1.5);
    CHECK(seconds(*n) > 47 / 8.0);
    CHECK(seconds(*n) < 47 / 1.5);
    auto code = synth.value()->synthesize("3 9 2 4 3 7 7 0", Voice::English);
    REQUIRE(code.ok());
    CHECK(seconds(*code) > 8 * 0.2);  // eight digits said one by one, not one number
}

TEST_CASE("read-aloud's pace and loudness follow the levels", "[platform][speech]") {
    auto synth = EspeakSynth::create();
    REQUIRE(synth.ok());
    const std::string text = "您的报修已经提交";
    auto calm = synth.value()->synthesize(text, Voice::Mandarin, {100, 100});
    auto fast = synth.value()->synthesize(text, Voice::Mandarin, {100, 200});
    auto quiet = synth.value()->synthesize(text, Voice::Mandarin, {30, 100});
    REQUIRE(calm.ok());
    REQUIRE(fast.ok());
    REQUIRE(quiet.ok());
    CHECK(seconds(*fast) < seconds(*calm) * 0.8);
    CHECK(peak(*quiet) < peak(*calm) * 0.6);
}

TEST_CASE("asking to speak returns at once while a long text is synthesized", "[platform][speech]") {
    auto out = std::make_unique<RecordingOut>();
    RecordingOut* rec = out.get();
    EspeakSpeech speech(std::move(out));
    std::string longText;
    for (int i = 0; i < 20; ++i) longText += "因管道检修，三号楼全天停水，请提前储水。";
    speech.say(longText, Voice::Mandarin);
    // The UI thread's calls while the engine works: each far below one frame (16 ms).
    double worst = 0;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        speech.say("继续", Voice::Mandarin);
        worst = std::max(worst, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    CHECK(worst < 16);
    REQUIRE(rec->waitFor(1));
    std::lock_guard lock(rec->m);
    CHECK(rec->played.back().samples.size() < size_t(rec->played.back().sampleRate) * 5);  // the newest, short one
}
