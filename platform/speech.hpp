// Read-aloud at the platform edge. The app says what to speak; an adapter turns it into sound.
// `say` interrupts whatever is being spoken: a resident who taps on wants the newest words.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace homedesk::platform {

enum class Voice { Mandarin, English };

// How loud and how fast read-aloud speaks, in percent of the engine's calm default.
struct SpeechLevels {
    int volumePercent = 100;  // 10..200
    int ratePercent = 100;    // 50..200
    bool operator==(const SpeechLevels&) const = default;
};

class Speech {
public:
    virtual ~Speech() = default;
    virtual void say(const std::string& text, Voice voice) = 0;
    virtual void stop() = 0;
    // Applies to what is said from now on.
    virtual void setLevels(SpeechLevels) {}
};

// Remembers what it was asked to say, for tests and for terminals without sound.
class RecordingSpeech final : public Speech {
public:
    void say(const std::string& text, Voice) override {
        std::lock_guard lock(m_mutex);
        m_said.push_back(text);
    }
    void stop() override {}
    std::vector<std::string> said() const {
        std::lock_guard lock(m_mutex);
        return m_said;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_said;
};

}  // namespace homedesk::platform
