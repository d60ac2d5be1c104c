// Pinyin with librime (the only file that includes rime_api.h is the .cpp): Debian's
// luna_pinyin_simp schema, simplified output, the trade's words first (custom_phrase.txt), no
// learning from what residents type. The schema is deployed at build time (assets/rime).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/result.hpp"
#include "platform/input_method.hpp"

namespace homedesk::platform {

struct RimeFolders {
    std::string shared = "/usr/share/rime-data";  // Debian's schema data
    std::string deployed;                          // the build's share/homedesk/rime
};

class RimeInputMethod final : public InputMethod {
public:
    // Loads the deployed schema; fails (a value, not an exception) when it is not deployed.
    static Result<std::unique_ptr<RimeInputMethod>> create(const RimeFolders& folders);
    ~RimeInputMethod() override;

    std::string key(char letter) override;
    bool backspace() override;
    void clear() override;
    std::string select(std::size_t index) override;
    std::string preedit() const override;
    std::vector<std::string> candidates(std::size_t first, std::size_t count) const override;
    void setLatin(bool latin) override;
    bool latin() const override { return m_latin; }

private:
    RimeInputMethod() = default;
    std::string takeCommit();

    std::uintptr_t m_session = 0;
    bool m_latin = false;
};

}  // namespace homedesk::platform
