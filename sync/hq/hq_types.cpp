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
    for (auto r : {StaffRole::Admin, StaffRole::Desk, StaffRole::Technician,
                   StaffRole::NoticeEditor, StaffRole::Viewer})
        if (toString(r) == text) return r;
    // The words of the CLI before the console (schema v3 and older).
    if (text == "ticket-handler") return StaffRole::Desk;
    if (text == "notice-editor") return StaffRole::NoticeEditor;
    return std::nullopt;
}

std::string toString(StaffRole role) {
    switch (role) {
        case StaffRole::Admin: return "admin";
        case StaffRole::Desk: return "desk";
        case StaffRole::Technician: return "technician";
        case StaffRole::NoticeEditor: return "notice_editor";
        case StaffRole::Viewer: return "viewer";
    }
    return "viewer";
}

}  // namespace homedesk::hq
