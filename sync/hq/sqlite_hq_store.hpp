// HqStore on one SQLite file (WAL, synchronous=FULL). One connection behind a mutex: simple,
// and a single writer is what SQLite allows anyway.
#pragma once

#include <memory>
#include <mutex>

#include "sync/hq/hq_store.hpp"
#include "sync/hq/pii_cipher.hpp"

namespace homedesk::hq {

// An unhappy callback's follow-up is due within this many seconds of the answer.
inline constexpr std::int64_t kFollowUpDueSeconds = 24 * 3600;
// Display records kept per terminal and notice revision (an attract loop showing a notice every
// minute for three days); later ones are dropped.
inline constexpr std::int64_t kMaxDisplaysPerRevision = 5000;

class Database;
struct TicketFields;

class SqliteHqStore final : public HqStore {
public:
    // Opens or creates the file (0600 in a 0700 folder when it creates them; narrowed to 0600 when
    // it finds it wider) and migrates it. The signing key lives beside it in its own file.
    static Result<std::unique_ptr<SqliteHqStore>> open(const std::string& path);
    // Where the store at `dbPath` keeps its Ed25519 signing key (0600): `<dbPath>.signing-key`.
    static std::string signingKeyPath(const std::string& dbPath);
    // Where it keeps the key that seals residents' phone numbers (0600): `<dbPath>.pii-key`.
    static std::string piiKeyPath(const std::string& dbPath);
    ~SqliteHqStore() override;

    Result<std::string> addCommunity(const std::string& name) override;
    Result<std::string> addBuilding(const std::string& communityId,
                                    const std::string& name) override;
    Result<EnrollCode> createEnrollCode(const std::string& communityId,
                                        const std::optional<std::string>& buildingId,
                                        std::int64_t expiresAt) override;
    Result<std::string> addStaff(const std::string& username, const std::string& passwordHash,
                                 StaffRole role) override;
    Result<std::optional<std::string>> staffPasswordHash(const std::string& username) override;
    Result<std::string> signingSecret() override;
    // A new signing key; the old one is kept as `<key file>.previous`. Returns the new secret.
    Result<std::string> rotateSigningKey();

    // The staff console.
    Result<bool> addStaffMember(const NewStaff& staff, const ConsoleActor& by) override;
    Result<std::vector<StaffAccount>> staffAccounts() override;
    Result<std::optional<StaffAccount>> staffAccount(const std::string& username) override;
    Result<bool> disableStaff(const std::string& username, const ConsoleActor& by) override;
    Result<std::optional<std::int64_t>> recordSignInFailure(const std::string& username,
                                                            const LockoutRule& rule,
                                                            const ConsoleActor& by) override;
    Result<bool> startSession(const NewSession& session, const ConsoleActor& by) override;
    Result<std::optional<SessionRecord>> useSession(const std::string& idHash,
                                                            std::int64_t now,
                                                            std::int64_t idleLimit_s) override;
    Result<bool> endSession(const std::string& idHash, const ConsoleActor& by) override;
    Result<AuditPage> auditLog(const AuditQuery& query) override;
    Result<std::vector<CommunityRow>> communityDirectory() override;
    Result<std::vector<NoticeRow>> consoleNotices() override;
    Result<std::optional<NoticeRow>> consoleNotice(const std::string& id) override;
    Result<std::vector<NoticeTerminal>> noticeTerminals(const std::string& id) override;
    Result<std::string> createNotice(const NoticeDraft& draft, const ConsoleActor& by) override;
    Result<bool> reviseNotice(const std::string& id, const NoticeDraft& draft,
                                      const ConsoleActor& by) override;
    Result<bool> retractNoticeBy(const std::string& id, const ConsoleActor& by) override;
    Result<bool> recordNoticeCursor(const std::string& terminalId, std::int64_t seq,
                                            std::int64_t now) override;
    Result<std::vector<FleetRow>> fleet() override;
    Result<EnrollCode> createEnrollCodeBy(const std::string& communityId,
                                                  const std::optional<std::string>& buildingId,
                                                  std::int64_t expiresAt,
                                                  const ConsoleActor& by) override;
    Result<bool> revokeTerminalBy(const std::string& terminalId,
                                          const ConsoleActor& by) override;
    Result<std::optional<ReceiptView>> receiptByCode(const std::string& code) override;
    Result<bool> appendAudit(const AuditEntry& entry) override;

    Result<EnrollOutcome> enroll(const std::string& code, const std::string& deviceName,
                                 const std::string& credentialHash, std::int64_t now) override;
    Result<std::optional<TerminalRecord>> terminalByCredential(
        const std::string& credentialHash) override;
    Result<bool> revokeTerminal(const std::string& terminalId, std::int64_t now) override;
    Result<std::int64_t> revokedCount() override;
    Result<std::vector<TerminalRecord>> terminals() override;

    Result<protocol::SubmissionResult> storeSubmission(const TerminalRecord& terminal,
                                                       const protocol::Submission& item,
                                                       std::int64_t now) override;
    Result<std::vector<protocol::SubmissionResult>> storeSubmissions(
        const TerminalRecord& terminal, const std::vector<protocol::Submission>& items,
        std::int64_t now) override;
    Result<TicketRecord> setTicketStatus(const std::string& ticketNumber,
                                         protocol::TicketState status, const std::string& note,
                                         std::int64_t now) override;
    Result<protocol::TicketStatusFeed> ticketChangesSince(const TerminalRecord& terminal,
                                                          std::int64_t since, int limit) override;
    Result<std::vector<TicketSummary>> tickets(bool openOnly) override;

    void setSlaPolicy(const SlaPolicy& policy) override;
    Result<InboxPage> deskInbox(const InboxQuery& query, const DeskScope& scope,
                                std::int64_t now) override;
    Result<std::optional<DeskTicketDetail>> deskTicket(const std::string& number) override;
    Result<std::vector<StaffUser>> deskStaffOf(const std::string& communityId) override;
    Result<std::optional<DeskUpdate>> deskUpdate(const std::string& number,
                                                 const DeskDecision& decide) override;
    Result<std::vector<EscalationDue>> deskEscalationsDue(std::int64_t now, std::int64_t gmAfter,
                                                        int limit) override;

    Result<std::string> publishNotice(const NoticeDraft& draft, std::int64_t now) override;
    Result<PublishOutcome> publishNoticeFrom(const std::string& sourceKey, const NoticeDraft& draft,
                                             std::int64_t now) override;
    Result<bool> retractNotice(const std::string& noticeId, std::int64_t now) override;
    Result<protocol::NoticeFeed> noticesSince(const TerminalRecord& terminal, std::int64_t since,
                                              int limit) override;
    Result<std::int64_t> noticeSequence() override;

    Result<bool> recordHeartbeat(const TerminalRecord& terminal,
                                 const protocol::Heartbeat& heartbeat, std::int64_t now) override;
    Result<std::vector<DisplayRecord>> noticeDisplays(const std::string& noticeId) override;
    Result<protocol::TerminalConfig> terminalConfig(const TerminalRecord& terminal) override;
    Result<std::int64_t> configVersion() override;

private:
    SqliteHqStore(std::unique_ptr<Database> db, std::string keyPath, PiiCipher pii);
    // Seals the phone numbers that an older version stored in plain text.
    void sealPlainPhones();
    // The payload as stored: the phone sealed. And the phone read back from a stored payload.
    std::string storedPayload(const nlohmann::json& payload) const;
    std::optional<std::string> phoneOf(const nlohmann::json& stored) const;
    // Moves a signing key kept in the database by schema v4 and older into its file.
    void moveSigningKeyOutOfDatabase();
    // Runs `body` under the lock; SQLite failures become errors (busy ones retryable).
    template <typename T, typename F>
    Result<T> guarded(const char* what, F&& body);
    std::int64_t nextId(const char* table);
    std::string insertNotice(const NoticeDraft& draft, const std::string& sourceKey,
                             std::int64_t now);
    // Stores one item (or finds it again) inside the caller's lock and write transaction.
    protocol::SubmissionResult insertSubmission(const TerminalRecord& terminal,
                                                const protocol::Submission& item, std::int64_t now);
    void closeCallback(const TerminalRecord& terminal, const protocol::Submission& item,
                       std::int64_t now);
    void openFollowUp(const std::string& ticketNumber, const TerminalRecord& terminal,
                      const protocol::Submission& item, const std::string& why, std::int64_t now);
    std::pair<std::string, std::int64_t> nextTicketNumber(char prefix);
    void recordStatus(const std::string& ticketNumber, const std::string& terminalId,
                      protocol::TicketState status, const std::string& note,
                      const std::string& actor, std::int64_t now);
    void bumpConfigVersion();
    // Inside the caller's lock and write transaction: checks the community (and building).
    Result<EnrollCode> insertEnrollCode(const std::string& communityId,
                                        const std::optional<std::string>& buildingId,
                                        std::int64_t expiresAt);
    // Inside the caller's lock and transaction: one audit row.
    void insertAudit(const AuditEntry& entry);
    // The ticket desk's helpers (sqlite_hq_desk.cpp), inside the caller's lock and transaction.
    std::string insertTicket(const TerminalRecord& terminal, const protocol::Submission& item,
                             const TicketFields& fields, std::int64_t now);
    std::optional<std::string> joinOpenTicket(const std::string& ticketNumber,
                                              const TerminalRecord& terminal,
                                              const protocol::Submission& item, std::int64_t now);
    std::optional<DeskTicket> readDeskTicket(const std::string& number);
    void writeDeskTicket(const DeskTicket& t);
    void insertEvent(const std::string& number, const DeskEvent& e);
    // A status reached outside the desk (the CLI, a terminal's callback): SLA times and event.
    void reachStatus(const std::string& number, protocol::TicketState to, const std::string& actor,
                     const std::string& note, std::int64_t now);

    std::string m_signingKeyPath;
    std::mutex m_keyMutex;  // one rotation or creation at a time
    PiiCipher m_pii;
    std::mutex m_mutex;
    std::unique_ptr<Database> m_db;
    SlaPolicy m_slaPolicy;  // under m_mutex
};

}  // namespace homedesk::hq
