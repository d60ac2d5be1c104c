#include "sync/hq/hq_types.hpp"

#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq {

std::string_view toString(TargetKind kind) {
    switch (kind) {
        case TargetKind::All: return "all";
        case TargetKind::Community: return "community";
        case TargetKind::Building: return "building";
        case TargetKind::Terminal: return "terminal";
    }
    return "all";
}

std::optional<TargetKind> targetKindFrom(std::string_view text) {
    for (auto k :
         {TargetKind::All, TargetKind::Community, TargetKind::Building, TargetKind::Terminal})
        if (toString(k) == text) return k;
    return std::nullopt;
}

std::optional<NoticeTarget> parseTarget(const std::string& text) {
    if (text == "all") return NoticeTarget{TargetKind::All, ""};
    const auto colon = text.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string ref = text.substr(colon + 1);
    const auto kind = targetKindFrom(std::string_view(text).substr(0, colon));
    if (!kind || *kind == TargetKind::All || !protocol::isValidText(ref, protocol::TextKind::Id))
        return std::nullopt;
    return NoticeTarget{*kind, ref};
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
