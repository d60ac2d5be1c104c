#include "sync/hq/console/code_sheet.hpp"

#include <algorithm>
#include <ctime>

#include "sync/hq/console/qr_svg.hpp"
#include "sync/hq/console/receipt_page.hpp"
#include "sync/protocol/field_reader.hpp"
#include "sync/protocol/qr_token.hpp"

namespace homedesk::hq {
namespace {

using protocol::TextKind;

bool line(const std::string& s, std::size_t max) {
    return !s.empty() && s.size() <= max && protocol::isValidText(s, TextKind::Line);
}

Error refused(const std::string& why) { return invalidInput("code", why); }

std::string dateOf(std::int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char s[16];
    std::strftime(s, sizeof s, "%Y-%m-%d", &tm);
    return s;
}

}  // namespace

Result<IssuedCode> issueCode(const CodeRequest& r, const protocol::SigningKey& key,
                             std::int64_t now) {
    if (!line(r.community, 64) || !protocol::isValidText(r.community, TextKind::Id))
        return refused("--community must be a community id");
    if (r.days <= 0 || r.days > 3650) return refused("--days must be between 0 and 3650");
    if (!r.label.empty() && !line(r.label, 80))
        return refused("--label must be one line of at most 80 bytes");
    protocol::TokenClaims claims;
    claims.id = protocol::newTokenId();
    claims.issued_at = now;
    claims.expires_at = now + static_cast<std::int64_t>(r.days * 86400);
    claims.data = {{"community", r.community}};
    IssuedCode out;
    switch (r.kind) {
        case CodeRequest::Kind::Household:
            if (!line(r.building, 64) || !line(r.unit, 16))
                return refused("a household card needs --building and --unit");
            claims.kind = protocol::TokenKind::HouseholdCard;
            claims.data["building"] = r.building;
            claims.data["unit"] = r.unit;
            out.kindTitle = "住户卡 Household card";
            out.label = r.label.empty() ? r.building + " " + r.unit : r.label;
            break;
        case CodeRequest::Kind::Location:
            if (!line(r.place, 64)) return refused("a location sticker needs --place");
            claims.kind = protocol::TokenKind::LocationSticker;
            claims.data["place"] = r.place;
            if (!r.building.empty()) claims.data["building"] = r.building;
            if (!r.asset.empty()) {
                if (!line(r.asset, 32))
                    return refused("--asset must be one line of at most 32 bytes");
                claims.data["asset"] = r.asset;
            }
            out.kindTitle = "位置标签 Location";
            out.label = r.label.empty() ? r.place : r.label;
            break;
        case CodeRequest::Kind::StaffBadge: {
            if (!line(r.staffId, 32) || !line(r.name, 64))
                return refused("a staff badge needs --staff and --name");
            const bool pinShape = r.pin.size() >= 4 && r.pin.size() <= 8 &&
                                  std::all_of(r.pin.begin(), r.pin.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
            if (!pinShape) return refused("a staff badge's PIN is 4 to 8 digits");
            claims.kind = protocol::TokenKind::StaffBadge;
            claims.data["staff_id"] = r.staffId;
            claims.data["name"] = r.name;
            claims.data["pin"] = protocol::staffPinHash(r.pin, claims.id);
            out.kindTitle = "工作人员证 Staff badge";
            out.label = r.label.empty() ? r.name : r.label;
            break;
        }
    }
    auto token = protocol::signToken(claims, key);
    if (!token) return token.error();
    out.token = std::move(token).value();
    out.expiresAt = claims.expires_at;
    return out;
}

Result<std::string> codeSheet(const std::vector<IssuedCode>& codes) {
    std::string html =
        "<!doctype html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>HomeDesk 二维码 "
        "Codes</title>\n"
        "<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:10mm}"
        ".sheet{display:grid;grid-template-columns:repeat(3,60mm);gap:6mm}"
        ".card{border:1px dashed #888;padding:4mm;text-align:center;break-inside:avoid}"
        ".card svg{width:45mm;height:45mm}.kind{font-size:9pt;color:#444}"
        ".label{font-size:13pt;font-weight:bold;margin-top:2mm}.exp{font-size:8pt;color:#666}"
        "@media print{body{margin:0}}</style></head><body>\n<div class=\"sheet\">\n";
    for (const IssuedCode& c : codes) {
        auto svg = qrSvg(c.token);
        if (!svg) return svg.error();
        html += "<div class=\"card\"><div class=\"kind\">" + htmlEscape(c.kindTitle) + "</div>" +
                svg.value() + "<div class=\"label\">" + htmlEscape(c.label) +
                "</div><div class=\"exp\">有效期至 valid until " + dateOf(c.expiresAt) +
                "</div></div>\n";
    }
    html += "</div>\n</body></html>\n";
    return html;
}

}  // namespace homedesk::hq
