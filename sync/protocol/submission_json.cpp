#include <sodium.h>

#include "sync/protocol/json_io.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {

std::string_view toString(SubmissionKind kind) {
    switch (kind) {
        case SubmissionKind::Repair: return "repair";
        case SubmissionKind::Complaint: return "complaint";
        case SubmissionKind::Survey: return "survey";
    }
    return "repair";
}

std::optional<SubmissionKind> submissionKindFrom(std::string_view s) {
    for (auto k : {SubmissionKind::Repair, SubmissionKind::Complaint, SubmissionKind::Survey})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string contentHash(const Submission& s) {
    // nlohmann's objects are ordered maps, so dump() is canonical for equal content.
    const std::string canonical = std::string(toString(s.kind)) + '\n' +
                                  std::to_string(s.created_at) + '\n' + s.payload.dump();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()),
                       canonical.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

namespace detail {

void toJson(nlohmann::json& j, const Submission& m) {
    j = {{"client_id", m.client_id},
         {"kind", toString(m.kind)},
         {"created_at", m.created_at},
         {"payload", m.payload}};
}

void readJson(FieldReader& r, Submission& m) {
    m.client_id = r.string("client_id", TextKind::Id, 64);
    if (r.ok() && m.client_id.size() < 8) r.fail("client_id", "shorter than 8 characters");
    const std::string kind = r.string("kind", TextKind::Id, 16);
    if (r.ok()) {
        if (auto k = submissionKindFrom(kind)) m.kind = *k;
        else r.fail("kind", "must be repair, complaint or survey");
    }
    m.created_at = r.integer("created_at", 0, 253402300799);
    if (const nlohmann::json* payload = r.object("payload")) {
        if (payload->dump().size() > kMaxPayloadBytes)
            r.fail("payload", "larger than " + std::to_string(kMaxPayloadBytes) + " bytes");
        else m.payload = *payload;
    }
}

void toJson(nlohmann::json& j, const SubmissionBatch& m) { j = {{"items", arrayJson(m.items)}}; }

void readJson(FieldReader& r, SubmissionBatch& m) {
    readArray(r, "items", kMaxBatchItems, m.items);
    if (r.ok() && m.items.empty()) r.fail("items", "is empty");
}

void toJson(nlohmann::json& j, const SubmissionResult& m) {
    j = {{"client_id", m.client_id},
         {"status", m.status == ItemStatus::Accepted ? "accepted" : "rejected"},
         {"resent", m.resent}};
    if (m.ticket_number) j["ticket_number"] = *m.ticket_number;
    if (m.error) {
        ErrorBody body{*m.error};
        nlohmann::json e;
        toJson(e, body);
        j["error"] = e["error"];
    }
}

void readJson(FieldReader& r, SubmissionResult& m) {
    m.client_id = r.string("client_id", TextKind::Id, 64);
    const std::string status = r.string("status", TextKind::Id, 16);
    if (r.ok() && status != "accepted" && status != "rejected")
        r.fail("status", "must be accepted or rejected");
    m.status = status == "rejected" ? ItemStatus::Rejected : ItemStatus::Accepted;
    m.ticket_number = r.optString("ticket_number", TextKind::Id, 32);
    m.resent = r.boolean("resent", false);
    if (r.ok() && m.status == ItemStatus::Rejected) {
        nlohmann::json wrapper = {{"error", nullptr}};
        if (const nlohmann::json* e = r.object("error")) {
            wrapper["error"] = *e;
            FieldReader er(wrapper, r.path());
            ErrorBody body;
            readJson(er, body);
            if (!er.ok()) r.failWith(er.error());
            else m.error = body.error;
        }
    }
}

void toJson(nlohmann::json& j, const SubmissionBatchResult& m) {
    j = {{"results", arrayJson(m.results)}};
}

void readJson(FieldReader& r, SubmissionBatchResult& m) {
    readArray(r, "results", kMaxBatchItems, m.results);
}

}  // namespace detail

Result<std::vector<ReceivedItem>> decodeReceivedBatch(std::string_view text) {
    auto parsed = parseJson(text);
    if (!parsed) return parsed.error();
    const nlohmann::json& root = parsed.value();
    FieldReader r(root, "");
    const nlohmann::json* items = r.array("items", kMaxBatchItems);
    if (r.ok() && items->empty()) r.fail("items", "is empty");
    if (!r.ok()) return invalidInput("protocol", r.error());

    std::vector<ReceivedItem> out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        FieldReader item((*items)[i], r.childPath("items", i));
        // Without a readable client_id the item cannot be answered on its own.
        std::string id = item.string("client_id", TextKind::Id, 64);
        if (!item.ok()) return invalidInput("protocol", item.error());
        Submission s;
        detail::readJson(item, s);
        if (item.ok()) out.push_back({id, std::move(s)});
        else out.push_back({id, invalidInput("protocol", item.error())});
    }
    return out;
}

}  // namespace homedesk::protocol
