#include "sync/hq/hq_types.hpp"

#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq {

std::optional<NoticeTarget> parseTarget(const std::string& text) {
    if (text == "all") return NoticeTarget{TargetKind::All, ""};
    const auto colon = text.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string kind = text.substr(0, colon), ref = text.substr(colon + 1);
    if (!protocol::isValidText(ref, protocol::TextKind::Id)) return std::nullopt;
    if (kind == "community") return NoticeTarget{TargetKind::Community, ref};
    if (kind == "building") return NoticeTarget{TargetKind::Building, ref};
    if (kind == "terminal") return NoticeTarget{TargetKind::Terminal, ref};
    return std::nullopt;
}

std::optional<StaffRole> parseStaffRole(const std::string& text) {
    for (auto r : {StaffRole::Admin, StaffRole::NoticeEditor, StaffRole::TicketHandler,
                   StaffRole::Viewer})
        if (toString(r) == text) return r;
    return std::nullopt;
}

std::string toString(StaffRole role) {
    switch (role) {
        case StaffRole::Admin: return "admin";
        case StaffRole::NoticeEditor: return "notice-editor";
        case StaffRole::TicketHandler: return "ticket-handler";
        case StaffRole::Viewer: return "viewer";
    }
    return "viewer";
}

}  // namespace homedesk::hq
