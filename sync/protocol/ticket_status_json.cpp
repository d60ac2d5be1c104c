#include <iterator>

#include "base/ticket_words.hpp"
#include "sync/protocol/json_io.hpp"
#include "sync/protocol/version.hpp"

namespace homedesk::protocol {

static_assert(std::size(words::kTicketStatus) ==
              static_cast<size_t>(TicketState::CallbackDone) + 1);

std::string_view toString(TicketState state) { return words::wordOf(words::kTicketStatus, state); }

std::optional<TicketState> ticketStateFrom(std::string_view s) {
    return words::valueOf<TicketState>(words::kTicketStatus, s);
}

namespace detail {

void toJson(nlohmann::json& j, const TicketStatusChange& m) {
    j = {{"ticket_number", m.ticket_number},
         {"client_id", m.client_id},
         {"status", toString(m.status)},
         {"note", m.note},
         {"changed_at", m.changed_at}};
}

void readJson(FieldReader& r, TicketStatusChange& m) {
    m.ticket_number = r.string("ticket_number", TextKind::Id, 32);
    m.client_id = r.string("client_id", TextKind::Id, 64);
    const std::string status = r.string("status", TextKind::Id, 32);
    if (r.ok()) {
        if (auto s = ticketStateFrom(status)) m.status = *s;
        else r.fail("status", "is not a ticket state");
    }
    m.note = r.optString("note", TextKind::Text, 2000).value_or("");
    m.changed_at = r.integer("changed_at", 0, 253402300799);
}

void toJson(nlohmann::json& j, const TicketStatusFeed& m) {
    j = {{"changes", arrayJson(m.changes)}, {"cursor", m.cursor}, {"more", m.more}};
}

void readJson(FieldReader& r, TicketStatusFeed& m) {
    readArray(r, "changes", kMaxFeedPage, m.changes);
    m.cursor = r.string("cursor", TextKind::Id, 64);
    m.more = r.boolean("more", false);
}

}  // namespace detail
}  // namespace homedesk::protocol
