// Staff sign-in and sessions (docs/console.md, Sessions and CSRF): password check, lockout after
// repeated failures, a per-address throttle kept in memory, server-side sessions of 256 random
// bits of which the store keeps only a SHA-256, with absolute and idle expiry and a CSRF token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/result.hpp"
#include "sync/hq/address_throttle.hpp"
#include "sync/hq/console/console_records.hpp"

namespace homedesk::hq {

class HqStore;

struct AuthPolicy {
    std::int64_t absolute_s = 12 * 3600;
    std::int64_t idle_s = 30 * 60;
    LockoutRule lockout;
    // Sign-in attempts from one client address within a minute, right or wrong.
    std::size_t per_address_per_minute = 20;
};

struct SignInOutcome {
    enum class Kind { SignedIn, Unauthorized, Locked, Throttled };
    Kind kind = Kind::Unauthorized;
    StaffUser user;
    std::string sessionId;  // the cookie's value; only its hash is stored
    std::string csrf;
    std::int64_t retryAfter_s = 0;  // Locked and Throttled
};

class StaffAuth {
  public:
    StaffAuth(HqStore& store, AuthPolicy policy);

    const AuthPolicy& policy() const { return m_policy; }

    // `previousSessionId`: the cookie sent with the sign-in; that session is ended.
    Result<SignInOutcome> signIn(const std::string& username, const std::string& password,
                                 const std::string& address,
                                 const std::optional<std::string>& previousSessionId,
                                 std::int64_t now);
    // The live session of a cookie value, or nothing (expired, ended, unknown).
    Result<std::optional<SessionRecord>> session(const std::string& sessionId, std::int64_t now);
    Result<bool> signOut(const std::string& sessionId, const ConsoleActor& by);

  private:
    HqStore& m_store;
    AuthPolicy m_policy;
    AddressThrottle m_attempts;  // sign-in attempts per client address, right or wrong
};

}  // namespace homedesk::hq
