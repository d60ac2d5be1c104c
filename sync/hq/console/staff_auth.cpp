// Staff sign-in, lockout, throttle and sessions (see staff_auth.hpp).
#include "sync/hq/console/staff_auth.hpp"

#include <spdlog/spdlog.h>

#include "sync/hq/credentials.hpp"
#include "sync/hq/hq_store.hpp"

namespace homedesk::hq {
namespace {

// An unknown name costs the same password check as a known one, so timing tells no names apart.
const std::string& dummyHash() {
    static const std::string hash = hashPassword("homedesk-no-such-account");
    return hash;
}

}  // namespace

StaffAuth::StaffAuth(HqStore& store, AuthPolicy policy)
    : m_store(store), m_policy(policy), m_attempts(policy.per_address_per_minute, 60) {}

Result<SignInOutcome> StaffAuth::signIn(const std::string& username, const std::string& password,
                                        const std::string& address,
                                        const std::optional<std::string>& previousSessionId,
                                        std::int64_t now) {
    SignInOutcome out;
    if (!m_attempts.tryCount(address, now)) {
        spdlog::warn("console sign-in throttled: user '{}' from {}", username, address);
        out.kind = SignInOutcome::Kind::Throttled;
        out.retryAfter_s = m_attempts.wait(address, now);
        return out;
    }
    auto account = m_store.staffAccount(username);
    if (!account) return account.error();
    const ConsoleActor by{username, address, now};
    if (account.value() && account.value()->lockedUntil && *account.value()->lockedUntil > now) {
        spdlog::warn("console sign-in refused, account locked: user '{}' from {}", username,
                     address);
        out.kind = SignInOutcome::Kind::Locked;
        out.retryAfter_s = *account.value()->lockedUntil - now;
        return out;
    }
    const bool known = account.value() && !account.value()->disabledAt;
    const bool right =
        verifyPassword(password, known ? account.value()->passwordHash : dummyHash());
    if (!known || !right) {
        spdlog::warn("console sign-in failed: user '{}' from {}", username, address);
        auto locked = m_store.recordSignInFailure(username, m_policy.lockout, by);
        if (!locked) return locked.error();
        if (locked.value()) {
            spdlog::warn("console account '{}' locked until {}", username, *locked.value());
            out.kind = SignInOutcome::Kind::Locked;
            out.retryAfter_s = *locked.value() - now;
            return out;
        }
        out.kind = SignInOutcome::Kind::Unauthorized;
        return out;
    }
    NewSession s;
    s.staffId = account.value()->user.id;
    out.sessionId = newCredential();
    out.csrf = newCredential();
    s.idHash = credentialHash(out.sessionId);
    s.csrf = out.csrf;
    s.expiresAt = now + m_policy.absolute_s;
    if (previousSessionId && !previousSessionId->empty())
        s.replacesIdHash = credentialHash(*previousSessionId);
    auto started = m_store.startSession(s, by);
    if (!started) return started.error();
    out.kind = SignInOutcome::Kind::SignedIn;
    out.user = account.value()->user;
    spdlog::info("console sign-in: user '{}' from {}", username, address);
    return out;
}

Result<std::optional<SessionRecord>> StaffAuth::session(const std::string& sessionId,
                                                        std::int64_t now) {
    if (sessionId.empty()) return std::optional<SessionRecord>{};
    return m_store.useSession(credentialHash(sessionId), now, m_policy.idle_s);
}

Result<bool> StaffAuth::signOut(const std::string& sessionId, const ConsoleActor& by) {
    return m_store.endSession(credentialHash(sessionId), by);
}

}  // namespace homedesk::hq
