// Head-office records that are not on the wire: terminals, enrollment codes, notice drafts and
// their targets, staff roles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/notice.hpp"
#include "sync/protocol/ticket_status.hpp"

namespace homedesk::hq {

struct TerminalRecord {
    std::string id;
    std::string community_id;
    std::optional<std::string> building_id;
    std::string name;
    std::int64_t enrolled_at = 0;
    std::optional<std::int64_t> revoked_at;
    std::optional<std::int64_t> last_seen;
};

struct EnrollCode {
    std::string code;
    std::string community_id;
    std::optional<std::string> building_id;
    std::int64_t expires_at = 0;
};

enum class EnrollProblem { None, UnknownOrExpired, AlreadyUsed };

struct EnrollOutcome {
    std::optional<TerminalRecord> terminal;  // set when problem == None
    EnrollProblem problem = EnrollProblem::None;
};

enum class TargetKind { All, Community, Building, Terminal };

struct NoticeTarget {
    TargetKind kind = TargetKind::All;
    std::string ref;  // empty for All
};

struct NoticeDraft {
    std::string title;  // Chinese
    std::string body;
    std::string title_en;  // English translation; empty = none (body_en needs title_en)
    std::string body_en;
    protocol::NoticeCategory category = protocol::NoticeCategory::General;
    bool emergency = false;
    bool pinned = false;
    std::int64_t publish_at = 0;
    std::optional<std::int64_t> expire_at;
    std::vector<NoticeTarget> targets;  // at least one
};

// What publishing a notice by its source key did (see HqStore::publishNoticeFrom).
enum class PublishKind { Published, Revised, Unchanged };

struct PublishOutcome {
    std::string id;
    PublishKind kind = PublishKind::Published;
};

// The console's roles (docs/console.md): desk is the customer-service desk (客服), technician the
// repair staff (维修) who see only their own jobs.
enum class StaffRole { Admin, Desk, Technician, NoticeEditor, Viewer };

struct TicketRecord {
    std::string number;
    std::string terminal_id;
    std::string client_id;
    protocol::TicketState status = protocol::TicketState::Submitted;
};

// A ticket as staff list it (homedesk-hq ticket list).
struct TicketSummary {
    std::string number;  // R-000123 repair, C- complaint, F- follow-up of an unhappy callback
    std::string kind;    // repair, complaint, followup
    std::string community_id;
    protocol::TicketState status = protocol::TicketState::Submitted;
    std::string note;
    std::optional<std::string> follows;  // a follow-up: the ticket whose callback was unhappy
    std::optional<std::int64_t> due_at;  // when an answer is owed
    std::int64_t created_at = 0;
    std::string category;                 // the desk's columns (schema v4)
    std::optional<std::string> assignee;
    int escalation = 0;
};

struct DisplayRecord {
    std::string terminal_id;
    std::int64_t revision = 1;
    std::int64_t shown_at = 0;
    std::int64_t shown_for_s = 0;
};

// "all", "community", "building", "terminal": the stored and JSON words.
std::string_view toString(TargetKind kind);
std::optional<TargetKind> targetKindFrom(std::string_view text);
// "all", "community:<id>", "building:<id>", "terminal:<id>"
std::optional<NoticeTarget> parseTarget(const std::string& text);
std::optional<StaffRole> parseStaffRole(const std::string& text);
std::string toString(StaffRole role);

}  // namespace homedesk::hq
