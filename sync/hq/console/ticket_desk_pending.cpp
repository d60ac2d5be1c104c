// Stands in for the ticket desk (sync/hq/desk/ticket_desk.cpp, the desk branch) until that is
// merged: the same constructor, and a sweep with nothing to do. CMake drops it once the real
// one exists; delete it then.
#include "sync/hq/desk/ticket_desk.hpp"

namespace homedesk::hq {

TicketDesk::TicketDesk(HqStore& store, SlaPolicy policy) : m_store(store), m_policy(policy) {}

Result<int> TicketDesk::sweep(std::int64_t) { return 0; }

}  // namespace homedesk::hq
