// Writes one outbox row.
#include "kiosk/store/outbox_enqueue.hpp"

#include <ctime>

namespace homedesk::store {

Status enqueue(Db& db, const OutboxEntry& e) {
    auto insert = db.prepare(
        "INSERT INTO outbox (client_id, kind, created_at, payload, phone_sealed, queued_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return insert.error();
    insert->bind(1, e.clientId).bind(2, e.kind).bind(3, e.createdAt).bind(4, e.payloadJson);
    if (e.phoneSealed)
        insert->bindBlob(5, *e.phoneSealed);
    else
        insert->bindNull(5);
    insert->bind(6, static_cast<std::int64_t>(std::time(nullptr)));
    return insert->run();
}

}  // namespace homedesk::store
