#include "kiosk/core/enroll_form.hpp"

namespace homedesk {

std::optional<std::string> EnrollForm::normalize(std::string_view typed, std::string& errorKey) {
    std::string code;
    for (const char raw : typed) {
        char c = raw;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == ' ' || c == '-') continue;
        // O and 0, I/L and 1 are in no code: say which characters are.
        if (static_cast<unsigned char>(c) >= 0x80 || kAlphabet.find(c) == std::string_view::npos) {
            errorKey = "enroll.error.character";
            return std::nullopt;
        }
        code += c;
    }
    if (code.size() != kCodeLength) {
        errorKey = code.size() < kCodeLength ? "enroll.error.too_short" : "enroll.error.too_long";
        return std::nullopt;
    }
    errorKey.clear();
    return code;
}

size_t EnrollForm::codeLength(std::string_view typed) {
    size_t n = 0;
    for (const char c : typed) n += c != ' ' && c != '-';
    return n;
}

std::optional<std::string> EnrollForm::submit(std::string_view typed) {
    if (m_phase == Phase::Working) return std::nullopt;
    std::string why;
    auto code = normalize(typed, why);
    if (!code) {
        m_phase = Phase::Typing;
        m_errorKey = why;
        return std::nullopt;
    }
    m_phase = Phase::Working;
    m_errorKey.clear();
    m_code = *code;
    return code;
}

void EnrollForm::edited() {
    if (m_phase == Phase::Working) return;
    m_phase = Phase::Typing;
    m_errorKey.clear();
}

void EnrollForm::failed(std::string errorKey) {
    m_phase = Phase::Failed;
    m_errorKey = std::move(errorKey);
}

}  // namespace homedesk
