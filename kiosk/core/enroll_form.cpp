#include "kiosk/core/enroll_form.hpp"

namespace homedesk {

void EnrollForm::type(std::string_view text) {
    if (m_phase == Phase::Working) return;
    m_phase = Phase::Typing;
    m_errorKey.clear();
    for (const char raw : text) {
        char c = raw;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == ' ' || c == '-') continue;
        if (kAlphabet.find(c) == std::string_view::npos || (static_cast<unsigned char>(c) & 0x80)) {
            // O and 0, I/L and 1 are not in any code: say which characters are.
            m_errorKey = "enroll.error.character";
            continue;
        }
        if (m_code.size() >= kCodeLength) {
            m_errorKey = "enroll.error.too_long";
            continue;
        }
        m_code += c;
    }
}

void EnrollForm::backspace() {
    if (m_phase == Phase::Working) return;
    m_phase = Phase::Typing;
    m_errorKey.clear();
    if (!m_code.empty()) m_code.pop_back();
}

void EnrollForm::clear() {
    if (m_phase == Phase::Working) return;
    m_phase = Phase::Typing;
    m_errorKey.clear();
    m_code.clear();
}

std::optional<std::string> EnrollForm::submit() {
    if (m_phase == Phase::Working) return std::nullopt;
    if (!complete()) {
        m_phase = Phase::Typing;
        m_errorKey = "enroll.error.too_short";
        return std::nullopt;
    }
    m_phase = Phase::Working;
    m_errorKey.clear();
    return m_code;
}

void EnrollForm::failed(std::string errorKey) {
    m_phase = Phase::Failed;
    m_errorKey = std::move(errorKey);
}

}  // namespace homedesk
