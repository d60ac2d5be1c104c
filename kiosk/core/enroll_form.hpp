// The installer's enrollment code on a terminal's first start. The code is typed into the
// screen's field (KioskState::entry, EntryMode::Code: on-screen keyboard, keyboard or scanner
// wedge); sending checks it against the code alphabet, the sync thread asks the head office (the
// form only asks for it), and the answer is success or a reason in plain words.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace homedesk {

class EnrollForm {
public:
    // The head office's codes: 10 characters without 0/O, 1/I/L (sync/hq/credentials.cpp).
    static constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static constexpr size_t kCodeLength = 10;
    static constexpr size_t kMaxTyped = 12;  // with a dash or two, as codes are often written

    enum class Phase { Typing, Working, Failed };

    // Dashes and spaces dropped, letters upper-cased; nothing (and the reason as a catalog key)
    // when it is not a code.
    static std::optional<std::string> normalize(std::string_view typed, std::string& errorKey);
    // How many of the code's characters `typed` holds so far.
    static size_t codeLength(std::string_view typed);

    Phase phase() const { return m_phase; }
    bool working() const { return m_phase == Phase::Working; }
    // Why the code was not sent or the head office said no: a catalog key, "" when none.
    const std::string& errorKey() const { return m_errorKey; }
    const std::string& code() const { return m_code; }  // the code sent last

    // The code to send when `typed` is one; the form waits for the answer meanwhile.
    std::optional<std::string> submit(std::string_view typed);
    void edited();  // typing again: the last refusal goes
    // The answer: the field keeps what was typed, so one wrong character is fixed, not retyped.
    void failed(std::string errorKey);

private:
    Phase m_phase = Phase::Typing;
    std::string m_code;
    std::string m_errorKey;
};

}  // namespace homedesk
