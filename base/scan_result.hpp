// What a scanned code means, as the protocol's classifier decides it (sync/protocol/scan_payload)
// and the terminal's scan flow acts on it (kiosk/core/scan_flow). Neutral: no library, no I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace homedesk {

enum class ScanKind {
    Refused,           // see ScanRefusal; never opened, never acted on
    TicketReceipt,     // a receipt's own QR: ticket_url + tracking code
    LocationSticker,   // a place (and asset) in this community
    HouseholdCard,     // community, building, unit of a household
    SurveyInvitation,  // a survey (and the ticket it calls back about)
    StaffBadge,        // a member of staff: the PIN pad follows
    EnrollmentCode,    // the enrollment code of a terminal not yet enrolled
};

enum class ScanRefusal {
    None,
    Empty,           // nothing, or only spaces
    TooLong,         // longer than any code of ours
    NotOurs,         // a payment code, a random URL, anything else: never opened
    Malformed,       // looks like ours but is cut or damaged
    Forged,          // signed by someone else, or altered
    Expired,         // past its date (or not valid yet)
    WrongCommunity,  // issued for another community
    Replayed,        // a single-use code used already
    NoKey,           // the terminal has no head-office key yet (not enrolled)
};

struct ScanResult {
    ScanKind kind = ScanKind::Refused;
    ScanRefusal refusal = ScanRefusal::None;
    std::string ticketCode;  // TicketReceipt: the tracking code
    std::string community;   // signed kinds that name one
    std::string building;    // HouseholdCard, LocationSticker (may be empty for a public place)
    std::string unit;        // HouseholdCard
    std::string place;       // LocationSticker: the place as the resident reads it
    std::string asset;       // LocationSticker: an asset tag, if the sticker is on one
    std::string staffId;     // StaffBadge
    std::string name;        // StaffBadge
    std::string surveyId;    // SurveyInvitation
    std::string ticket;      // SurveyInvitation: the ticket number called back about, if any
    std::string enrollCode;  // EnrollmentCode
    std::string hq;          // EnrollmentCode: the head office URL
    // StaffBadge: checks a PIN against the badge's signed PIN hash (computed in the protocol
    // library, so the core needs no crypto). Empty for other kinds.
    std::function<bool(std::string_view pin)> checkPin;

    bool ok() const { return kind != ScanKind::Refused; }
};

// Stable names for logs, automation and the catalog ("scan.kind.<name>", "scan.refused.<name>").
inline const char* scanKindName(ScanKind kind) {
    switch (kind) {
        case ScanKind::Refused: return "refused";
        case ScanKind::TicketReceipt: return "ticket_receipt";
        case ScanKind::LocationSticker: return "location";
        case ScanKind::HouseholdCard: return "household";
        case ScanKind::SurveyInvitation: return "survey";
        case ScanKind::StaffBadge: return "staff_badge";
        case ScanKind::EnrollmentCode: return "enrollment";
    }
    return "refused";
}

inline const char* scanRefusalName(ScanRefusal refusal) {
    switch (refusal) {
        case ScanRefusal::None: return "none";
        case ScanRefusal::Empty: return "empty";
        case ScanRefusal::TooLong: return "too_long";
        case ScanRefusal::NotOurs: return "not_ours";
        case ScanRefusal::Malformed: return "malformed";
        case ScanRefusal::Forged: return "forged";
        case ScanRefusal::Expired: return "expired";
        case ScanRefusal::WrongCommunity: return "wrong_community";
        case ScanRefusal::Replayed: return "replayed";
        case ScanRefusal::NoKey: return "no_key";
    }
    return "none";
}

}  // namespace homedesk
