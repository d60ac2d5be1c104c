// homedesk-store-crasher: the victim of the crash test. Submits tickets in a burst (and
// acknowledges some as delivered, like the sync thread) and writes each client id to stdout only
// after submit() returned, one write(2) per id, so the parent knows exactly what was acknowledged.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "kiosk/store/sqlite_outbox.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: %s DB KEY ID-PREFIX [--ack-early]\n", argv[0]);
        return 2;
    }
    const std::string dbPath = argv[1], keyPath = argv[2], prefix = argv[3];
    // A deliberately wrong terminal that shows the receipt before the commit: the crash loop
    // must catch it (its own self-test).
    const bool ackEarly = argc == 5 && std::string(argv[4]) == "--ack-early";
    auto store = homedesk::store::testing::openTickets(dbPath, keyPath);
    if (!store) {
        std::fprintf(stderr, "crasher: %s\n", store.error().message.c_str());
        return 1;
    }
    auto outbox = homedesk::store::testing::openOutbox(dbPath, keyPath);
    if (!outbox) {
        std::fprintf(stderr, "crasher: %s\n", outbox.error().message.c_str());
        return 1;
    }
    for (int i = 0; i < 1'000'000; ++i) {
        NewTicket t;
        t.clientId = prefix + "-" + std::to_string(100000 + i);
        t.kind = i % 3 == 0 ? TicketKind::Complaint : TicketKind::Repair;
        t.location.kind =
            i % 2 == 0 ? TicketLocation::Kind::PublicPlace : TicketLocation::Kind::Home;
        t.location.buildingId = "b" + std::to_string(i % 7);
        t.location.placeId =
            t.location.kind == TicketLocation::Kind::PublicPlace ? "b1-elevator-1" : "";
        t.location.unit = "2单元 1203";
        t.urgency = i % 4 == 0 ? Urgency::Urgent : Urgency::Normal;
        // Descriptions of varying size so commits span one to several pages.
        t.description = std::string(static_cast<size_t>(20 + (i * 7919) % 3000), 'x') + " 漏水";
        t.phone = "138" + std::to_string(10000000 + i);
        t.createdAt = 1'700'000'000 + i;
        if (i % 5 == 4) t.coReportOf = prefix + "-" + std::to_string(100000 + i - 1);
        const std::string line = t.clientId + "\n";
        if (ackEarly &&
            ::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            return 1;
        auto receipt = store->submit(t);
        if (!receipt) {
            std::fprintf(stderr, "crasher: submit failed: %s\n", receipt.error().message.c_str());
            return 1;
        }
        if (!ackEarly &&
            ::write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            return 1;
        // The sync thread's part: deliveries delete outbox rows while submissions go on.
        if (i % 7 == 6) {
            auto items = outbox->pending(2);
            if (items && !items->empty())
                (void)outbox->markDelivered(items->front().clientId, "R-" + std::to_string(i),
                                            t.createdAt);
        }
    }
    return 0;
}
