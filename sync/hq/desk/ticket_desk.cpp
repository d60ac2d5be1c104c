// The ticket desk: the inbox and one ticket as the reader may see them, actions and notes run
// through the rules inside the store's transaction, and the escalation sweep.
#include "sync/hq/desk/ticket_desk.hpp"

#include <map>

#include "sync/hq/desk/desk_rules.hpp"
#include "sync/hq/hq_store.hpp"
#include "sync/protocol/field_reader.hpp"

namespace homedesk::hq {
namespace {

constexpr const char* kRefusalWhere[] = {"", "desk: bad_request", "desk: forbidden",
                                         "desk: not_found", "desk: conflict"};
constexpr std::size_t kMaxNoteBytes = 2000;

Error notFound(const std::string& number) {
    return deskRefusal(DeskRefusal::NotFound, "no ticket " + number);
}

// The ticket as `user` may read it: phones masked unless they may see them in full.
DeskTicketDetail forReader(DeskTicketDetail d, const StaffUser& user) {
    if (seesPhone(user, d.ticket)) return d;
    if (d.phone) d.phone = maskPhone(*d.phone);
    for (auto& r : d.co_reports)
        if (r.phone) r.phone = maskPhone(*r.phone);
    return d;
}

}  // namespace

DeskRefusal refusalOf(const Error& error) {
    for (int i = 1; i <= 4; ++i)
        if (error.where == kRefusalWhere[i]) return static_cast<DeskRefusal>(i);
    return DeskRefusal::None;
}

Error deskRefusal(DeskRefusal why, std::string message) {
    const auto kind = why == DeskRefusal::NotFound ? Error::Kind::NotFound
                                                   : Error::Kind::InvalidInput;
    return Error{kind, kRefusalWhere[static_cast<int>(why)], std::move(message), false};
}

std::string maskPhone(const std::string& phone) {
    if (phone.size() < 8) return "****";
    return phone.substr(0, 3) + "****" + phone.substr(phone.size() - 4);
}

TicketDesk::TicketDesk(HqStore& store, SlaPolicy policy) : m_store(store), m_policy(policy) {
    m_store.setSlaPolicy(m_policy);
}

SlaView TicketDesk::slaOf(const DeskTicket& t, std::int64_t now) const {
    return slaAt(t.sla, m_policy, t.slaClass(), now);
}

Result<InboxPage> TicketDesk::inbox(const StaffUser& user, const InboxQuery& query,
                                    std::int64_t now) {
    if (!readsTickets(user))
        return deskRefusal(DeskRefusal::Forbidden, "a " + toString(user.role) + " has no tickets");
    DeskScope scope{user.allCommunities, user.communities, std::nullopt};
    if (user.role == StaffRole::Technician) scope.onlyAssignee = user.username;
    return m_store.deskInbox(query, scope, now);
}

Result<DeskTicketDetail> TicketDesk::ticket(const StaffUser& user, const std::string& number) {
    if (!readsTickets(user))
        return deskRefusal(DeskRefusal::Forbidden, "a " + toString(user.role) + " has no tickets");
    auto d = m_store.deskTicket(number);
    if (!d) return d.error();
    if (!d.value() || !canSee(user, d.value()->ticket)) return notFound(number);
    return forReader(std::move(*d.value()), user);
}

Result<DeskTicketDetail> TicketDesk::act(const DeskActor& actor, const std::string& number,
                                         const DeskAction& action, std::int64_t now) {
    if (action.note.size() > kMaxNoteBytes ||
        !protocol::isValidText(action.note, protocol::TextKind::Text))
        return deskRefusal(DeskRefusal::BadRequest, "note: too long or has control characters");
    std::vector<StaffUser> staff;
    if (action.action == "dispatch") {
        // The community's technicians, read before the change's transaction (the store's lock is
        // not re-entrant); a ticket never changes community, so they stay the right ones.
        auto current = m_store.deskTicket(number);
        if (!current) return current.error();
        if (!current.value() || !canSee(actor.user, current.value()->ticket))
            return notFound(number);
        auto s = m_store.deskStaffOf(current.value()->ticket.community_id);
        if (!s) return s.error();
        staff = std::move(s.value());
    }
    auto done = m_store.deskUpdate(number, [&](const DeskTicket& t) {
        return decideAction(t, actor, action, m_policy, staff, now);
    });
    if (!done) return done.error();
    if (!done.value()) return notFound(number);
    return ticket(actor.user, number);
}

Result<DeskNote> TicketDesk::addNote(const DeskActor& actor, const std::string& number,
                                     const std::string& text, const std::string& visibility,
                                     std::int64_t now) {
    if (visibility != "internal" && visibility != "resident")
        return deskRefusal(DeskRefusal::BadRequest, "visibility must be internal or resident");
    if (text.empty() || text.size() > kMaxNoteBytes ||
        !protocol::isValidText(text, protocol::TextKind::Text))
        return deskRefusal(DeskRefusal::BadRequest,
                           "text: 1 to 2000 bytes, no control characters but newlines and tabs");
    auto done = m_store.deskUpdate(number, [&](const DeskTicket& t) {
        return decideNote(t, actor, text, visibility, now);
    });
    if (!done) return done.error();
    if (!done.value()) return notFound(number);
    return *done.value()->note;
}

Result<std::vector<StaffUser>> TicketDesk::assignees(const StaffUser& user,
                                                     const std::string& number) {
    auto d = ticket(user, number);
    if (!d) return d.error();
    if (user.role != StaffRole::Desk && user.role != StaffRole::Admin)
        return deskRefusal(DeskRefusal::Forbidden, "only the desk dispatches");
    auto staff = m_store.deskStaffOf(d->ticket.community_id);
    if (!staff) return staff.error();
    std::vector<StaffUser> out;
    for (auto& s : staff.value())
        if (s.role == StaffRole::Technician) out.push_back(std::move(s));
    return out;
}

Result<int> TicketDesk::sweep(std::int64_t now) {
    constexpr int kPage = 200;
    int written = 0;
    std::map<std::string, std::vector<std::string>> supervisors;  // per community, this sweep
    for (;;) {
        auto due = m_store.deskEscalationsDue(now, m_policy.escalate_gm_after_s, kPage);
        if (!due) return due.error();
        int thisPage = 0;
        for (const auto& [number, community] : due.value()) {
            auto found = supervisors.find(community);
            if (found == supervisors.end()) {
                auto staff = m_store.deskStaffOf(community);
                if (!staff) return staff.error();
                std::vector<std::string> admins;
                for (const auto& s : staff.value())
                    if (s.role == StaffRole::Admin) admins.push_back(s.username);
                found = supervisors.emplace(community, std::move(admins)).first;
            }
            const auto& names = found->second;
            // Up to two steps per ticket: a long outage may owe both levels.
            for (int step = 0; step < 2; ++step) {
                auto done = m_store.deskUpdate(number, [&](const DeskTicket& t) {
                    return decideEscalation(t, m_policy, names, now);
                });
                if (!done) {
                    if (refusalOf(done.error()) == DeskRefusal::Conflict) break;  // none due
                    return done.error();
                }
                if (!done.value()) break;
                ++written;
                ++thisPage;
            }
        }
        if (static_cast<int>(due->size()) < kPage || thisPage == 0) break;
    }
    return written;
}

}  // namespace homedesk::hq
