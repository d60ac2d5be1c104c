// The installer's enrollment code on a terminal's first start: typed on the on-screen keyboard or
// by a keyboard / scanner wedge, checked against the code alphabet as it is typed, sent by the
// sync thread (the form only asks for it), and answered with success or a reason in plain words.
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

    enum class Phase { Typing, Working, Failed };

    Phase phase() const { return m_phase; }
    const std::string& code() const { return m_code; }
    // A refusal of what was typed, or why the head office said no: a catalog key, "" when none.
    const std::string& errorKey() const { return m_errorKey; }
    bool complete() const { return m_code.size() == kCodeLength; }

    // Lower case becomes upper case; spaces and dashes (as codes are often written) are skipped;
    // a character no code has is refused with a message and the rest is kept.
    void type(std::string_view text);
    void backspace();
    void clear();
    // The code to send, when it is complete; the form waits for the answer meanwhile.
    std::optional<std::string> submit();
    // The answer: failure keeps the code so one wrong character is fixed, not retyped.
    void failed(std::string errorKey);

private:
    Phase m_phase = Phase::Typing;
    std::string m_code;
    std::string m_errorKey;
};

}  // namespace homedesk
