// Expected failures as values: a small Result<T> shaped like std::expected (C++23), whose
// error says what went wrong, where, and whether trying again can help.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace homedesk {

struct Error {
    enum class Kind { InvalidInput, NotFound, Io, Unavailable, Internal };
    Kind kind = Kind::Internal;
    std::string where;    // the component or file that failed
    std::string message;  // plain words, fit for a log line or an installer
    bool retryable = false;
};

inline Error invalidInput(std::string where, std::string message) {
    return {Error::Kind::InvalidInput, std::move(where), std::move(message), false};
}
inline Error ioError(std::string where, std::string message) {
    return {Error::Kind::Io, std::move(where), std::move(message), true};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// The value of a Result that carries nothing but success: one definition for every library.
struct Done {};
using Status = Result<Done>;

}  // namespace homedesk
