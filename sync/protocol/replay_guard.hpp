// Remembers the ids of single-use tokens until they expire, so a copied code works once.
// Bounded: when full of unexpired ids it refuses new ones (fails closed) rather than forget.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace homedesk::protocol {

class ReplayGuard {
public:
    explicit ReplayGuard(std::size_t capacity = 10000) : m_capacity(capacity) {}

    enum class Outcome { First, Replayed, Full };
    // Records `id` as used until `expiresAt`; thread-safe.
    Outcome use(const std::string& id, std::int64_t expiresAt, std::int64_t now);
    std::size_t size() const;

private:
    void forgetExpired(std::int64_t now);

    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::map<std::string, std::int64_t> m_used;  // id -> expires_at
};

}  // namespace homedesk::protocol
