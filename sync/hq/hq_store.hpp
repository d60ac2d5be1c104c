// The head office's storage, as the API and the CLI need it. SQLite implements it today
// (SqliteHqStore); a PostgreSQL backend implements the same interface later. Every method is
// thread-safe and returns errors as values; none throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/hq/console/console_records.hpp"
#include "sync/hq/console/console_types.hpp"
#include "sync/hq/desk/desk_types.hpp"
#include "sync/hq/hq_types.hpp"
#include "sync/protocol/heartbeat.hpp"
#include "sync/protocol/notice.hpp"
#include "sync/protocol/submission.hpp"
#include "sync/protocol/terminal_config.hpp"
#include "sync/protocol/ticket_status.hpp"

namespace homedesk::hq {

class HqStore {
public:
    virtual ~HqStore() = default;

    // Setup (CLI, console).
    virtual Result<std::string> addCommunity(const std::string& name) = 0;
    virtual Result<std::string> addBuilding(const std::string& communityId,
                                            const std::string& name) = 0;
    virtual Result<EnrollCode> createEnrollCode(const std::string& communityId,
                                                const std::optional<std::string>& buildingId,
                                                std::int64_t expiresAt) = 0;
    virtual Result<std::string> addStaff(const std::string& username,
                                         const std::string& passwordHash, StaffRole role) = 0;
    virtual Result<std::optional<std::string>> staffPasswordHash(const std::string& username) = 0;
    // The QR signing secret (base64url); made on first use and kept.
    virtual Result<std::string> signingSecret() = 0;

    // The staff console (docs/console.md): accounts, sessions, the audit log, notices, the fleet
    // and the receipt page. Each method that changes something writes its audit row (`by`) in
    // the same transaction.
    virtual Result<bool> addStaffMember(const NewStaff& staff, const ConsoleActor& by) = 0;
    virtual Result<std::vector<StaffAccount>> staffAccounts() = 0;
    virtual Result<std::optional<StaffAccount>> staffAccount(const std::string& username) = 0;
    // Disables the account and ends its sessions; false when there is no such enabled account.
    virtual Result<bool> disableStaff(const std::string& username, const ConsoleActor& by) = 0;
    // Counts a failed sign-in (audit row session.login_failed, for unknown names too); returns
    // the end of the lockout when this failure locked the account.
    virtual Result<std::optional<std::int64_t>> recordSignInFailure(const std::string& username,
                                                                    const LockoutRule& rule,
                                                                    const ConsoleActor& by) = 0;
    // Stores the session, ends the one it replaces, clears the failure count (session.login).
    virtual Result<bool> startSession(const NewSession& session, const ConsoleActor& by) = 0;
    // A live session (not expired, account enabled); its last_seen moves to `now`.
    virtual Result<std::optional<SessionRecord>> useSession(const std::string& idHash,
                                                            std::int64_t now,
                                                            std::int64_t idleLimit_s) = 0;
    virtual Result<bool> endSession(const std::string& idHash, const ConsoleActor& by) = 0;
    virtual Result<AuditPage> auditLog(const AuditQuery& query) = 0;
    virtual Result<std::vector<CommunityRow>> communityDirectory() = 0;
    virtual Result<std::vector<NoticeRow>> consoleNotices() = 0;
    virtual Result<std::optional<NoticeRow>> consoleNotice(const std::string& id) = 0;
    virtual Result<std::vector<NoticeTerminal>> noticeTerminals(const std::string& id) = 0;
    virtual Result<std::string> createNotice(const NoticeDraft& draft, const ConsoleActor& by) = 0;
    // A new revision (targets are added); false when the notice is unknown or retracted.
    virtual Result<bool> reviseNotice(const std::string& id, const NoticeDraft& draft,
                                      const ConsoleActor& by) = 0;
    virtual Result<bool> retractNoticeBy(const std::string& id, const ConsoleActor& by) = 0;
    // The notice feed cursor a terminal sent (it holds every change up to it).
    virtual Result<bool> recordNoticeCursor(const std::string& terminalId, std::int64_t seq,
                                            std::int64_t now) = 0;
    virtual Result<std::vector<FleetRow>> fleet() = 0;
    virtual Result<EnrollCode> createEnrollCodeBy(const std::string& communityId,
                                                  const std::optional<std::string>& buildingId,
                                                  std::int64_t expiresAt,
                                                  const ConsoleActor& by) = 0;
    virtual Result<bool> revokeTerminalBy(const std::string& terminalId,
                                          const ConsoleActor& by) = 0;
    virtual Result<std::optional<ReceiptView>> receiptByCode(const std::string& code) = 0;

    // The audit log (docs/console.md): one row per change. Store methods that change something
    // for a staff member write their row in the same transaction; this is for the rest.
    virtual Result<bool> appendAudit(const AuditEntry& entry) = 0;

    // Terminals. Credentials are stored only as hashes.
    virtual Result<EnrollOutcome> enroll(const std::string& code, const std::string& deviceName,
                                          const std::string& credentialHash, std::int64_t now) = 0;
    virtual Result<std::optional<TerminalRecord>> terminalByCredential(
        const std::string& credentialHash) = 0;
    virtual Result<bool> revokeTerminal(const std::string& terminalId, std::int64_t now) = 0;
    // How many terminals are revoked: the notice hub watches it to end a revoked one's long-poll.
    virtual Result<std::int64_t> revokedCount() = 0;
    virtual Result<std::vector<TerminalRecord>> terminals() = 0;

    // Submissions, idempotent by (terminal, client_id); tickets and their status feed.
    virtual Result<protocol::SubmissionResult> storeSubmission(const TerminalRecord& terminal,
                                                               const protocol::Submission& item,
                                                               std::int64_t now) = 0;
    // The valid items of one batch, answered in order. SQLite stores them in one transaction (one
    // commit, so ingest is not bound by a sync per item; a failure stores none of them); this
    // default stores them one by one for backends that have nothing better.
    virtual Result<std::vector<protocol::SubmissionResult>> storeSubmissions(
        const TerminalRecord& terminal, const std::vector<protocol::Submission>& items,
        std::int64_t now) {
        std::vector<protocol::SubmissionResult> results;
        for (const auto& item : items) {
            auto r = storeSubmission(terminal, item, now);
            if (!r) return r.error();
            results.push_back(std::move(r.value()));
        }
        return results;
    }
    virtual Result<TicketRecord> setTicketStatus(const std::string& ticketNumber,
                                                 protocol::TicketState status,
                                                 const std::string& note, std::int64_t now) = 0;
    virtual Result<protocol::TicketStatusFeed> ticketChangesSince(const TerminalRecord& terminal,
                                                                  std::int64_t since,
                                                                  int limit) = 0;
    // Every ticket, newest first; only those not yet resolved when `openOnly`.
    virtual Result<std::vector<TicketSummary>> tickets(bool openOnly) = 0;

    // The ticket desk (sync/hq/desk, docs/console.md Tickets and SLA).
    // The promises ingest dates new tickets by (the defaults until set).
    virtual void setSlaPolicy(const SlaPolicy& policy) = 0;
    // One page of tickets inside `scope` matching `query`; `now` decides "overdue".
    virtual Result<InboxPage> deskInbox(const InboxQuery& query, const DeskScope& scope,
                                        std::int64_t now) = 0;
    virtual Result<std::optional<DeskTicketDetail>> deskTicket(const std::string& number) = 0;
    // Enabled staff whose scope holds the community.
    virtual Result<std::vector<StaffUser>> deskStaffOf(const std::string& communityId) = 0;
    // Reads the ticket, asks `decide`, writes what it answers (row, event, audit, feed, note) in
    // one transaction. nullopt: no such ticket.
    virtual Result<std::optional<DeskUpdate>> deskUpdate(const std::string& number,
                                                         const DeskDecision& decide) = 0;
    // Tickets with an escalation step due at `now`: an open deadline passed and
    // level 0, or level 1 reached at least `gmAfter` seconds ago.
    virtual Result<std::vector<EscalationDue>> deskEscalationsDue(std::int64_t now,
                                                                std::int64_t gmAfter,
                                                                int limit) = 0;

    // Notices and their feed (changes that target the terminal, each notice once per page).
    virtual Result<std::string> publishNotice(const NoticeDraft& draft, std::int64_t now) = 0;
    // Publishes a notice known by a key from outside (a feed file's notice id), so an import can
    // run again: an unknown key publishes; a key whose live notice has the same content is left
    // Unchanged; different content is a revision (revision + 1, every text replaced, English
    // cleared when the draft has none; the draft's targets are added). A retracted key publishes
    // a new notice.
    virtual Result<PublishOutcome> publishNoticeFrom(const std::string& sourceKey,
                                                     const NoticeDraft& draft,
                                                     std::int64_t now) = 0;
    virtual Result<bool> retractNotice(const std::string& noticeId, std::int64_t now) = 0;
    virtual Result<protocol::NoticeFeed> noticesSince(const TerminalRecord& terminal,
                                                      std::int64_t since, int limit) = 0;
    // The latest notice change number; it moves whenever any notice changes (any process).
    virtual Result<std::int64_t> noticeSequence() = 0;

    // Health and configuration.
    virtual Result<bool> recordHeartbeat(const TerminalRecord& terminal,
                                         const protocol::Heartbeat& heartbeat,
                                         std::int64_t now) = 0;
    // When and where a notice was actually on screen, as terminals reported it.
    virtual Result<std::vector<DisplayRecord>> noticeDisplays(const std::string& noticeId) = 0;
    virtual Result<protocol::TerminalConfig> terminalConfig(const TerminalRecord& terminal) = 0;
    virtual Result<std::int64_t> configVersion() = 0;
};

}  // namespace homedesk::hq
