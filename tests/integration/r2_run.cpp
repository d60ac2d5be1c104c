#include "tests/integration/r2_run.hpp"

#include <map>
#include <ostream>
#include <set>

#include "sync/client/sync_engine.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "tests/integration/key_breaking_transport.hpp"
#include "tests/integration/loopback_hq.hpp"
#include "tests/integration/memory_outbox.hpp"

namespace homedesk::testing {
namespace {

using namespace std::chrono_literals;

struct Terminal {
    protocol::EnrollResponse enrolled;
    MemoryOutbox outbox;
    MemorySinks sinks;
    std::vector<protocol::Submission> items;
    std::unique_ptr<sync::SyncEngine> engine;
};

protocol::Submission makeItem(int terminal, int n) {
    protocol::Submission s;
    char id[40];
    std::snprintf(id, sizeof id, "r2-t%d-%08d", terminal, n);
    s.client_id = id;
    s.kind = n % 3 == 2 ? protocol::SubmissionKind::Complaint : protocol::SubmissionKind::Repair;
    s.created_at = wallSeconds();
    s.payload = {{"category", "elevator"}, {"location", "3号楼 电梯"}, {"serial", n},
                 {"terminal", terminal}};
    return s;
}

sync::SyncSettings settings(const R2Options& o, int index) {
    sync::SyncSettings s;
    s.batch_size = o.batch;
    s.backoff_base = 5ms;
    s.backoff_cap = 100ms;
    s.poll_interval = 200ms;
    s.heartbeat_interval = 500ms;
    s.notice_wait_s = 2;
    s.seed = o.seed * 31 + static_cast<std::uint64_t>(index) + 1;
    return s;
}

// What the office holds, read from its SQLite file over a second connection.
struct OfficeRow {
    std::string hash;
    std::string ticket;
    int tickets = 0;
};

std::map<std::pair<std::string, std::string>, OfficeRow> readOffice(const std::string& file,
                                                                    int& extraRows) {
    hq::Database db(file);
    std::map<std::pair<std::string, std::string>, OfficeRow> rows;
    auto s = db.prepare("SELECT terminal_id, client_id, content_hash, COALESCE(ticket_number, '') "
                        "FROM submissions");
    while (s.step()) {
        auto [it, fresh] =
            rows.emplace(std::pair{s.text(0), s.text(1)}, OfficeRow{s.text(2), s.text(3), 0});
        if (!fresh) ++extraRows;
    }
    auto t = db.prepare("SELECT terminal_id, client_id, COUNT(*) FROM tickets GROUP BY 1, 2");
    while (t.step()) {
        auto it = rows.find({t.text(0), t.text(1)});
        if (it == rows.end())
            extraRows += static_cast<int>(t.integer(2));  // a ticket without its row
        else it->second.tickets = static_cast<int>(t.integer(2));
    }
    return rows;
}

}  // namespace

int R2Figures::answerLostFaults() const {
    return injected[static_cast<std::size_t>(Fault::CommittedLost)] +
           injected[static_cast<std::size_t>(Fault::LostMidAnswer)];
}

bool R2Figures::passed() const {
    return drained && lost == 0 && duplicates == 0 && key_changes == 0 && not_delivered == 0 &&
           accepted == items && proxy.undecodable_submissions == 0;
}

R2Figures runR2(const R2Options& o) {
    const auto started = std::chrono::steady_clock::now();
    LoopbackHq office(32);
    const PemPair proxyCert = office.pki().server("proxy", {"IP:127.0.0.1"});
    FaultSchedule schedule(FaultSchedule::r2Quotas(o.committed_lost), o.seed);
    FaultProxy proxy({office.port(), proxyCert.cert_file, proxyCert.key_file, office.pki().caFile(),
                      30s, o.seed},
                     schedule);

    std::vector<std::unique_ptr<Terminal>> terminals;
    for (int i = 0; i < o.terminals; ++i) {
        auto t = std::make_unique<Terminal>();
        t->enrolled = office.enroll("r2-" + std::to_string(i));
        const std::string url = proxy.url();
        auto made = std::make_shared<int>(0);
        t->engine = std::make_unique<sync::SyncEngine>(
            [&office, url, made, broken = o.break_keys]() -> std::unique_ptr<sync::HttpTransport> {
                // The push connection (made first) gives up on a stall after 1 s of silence.
                const bool push = (*made)++ == 0;
                auto real = office.transport(url, push ? 1s : 20s);
                if (push && broken) return std::make_unique<KeyBreakingTransport>(std::move(real));
                return real;
            },
            t->enrolled.credential, t->outbox, t->sinks, t->sinks, settings(o, i), nullptr);
        terminals.push_back(std::move(t));
    }
    for (auto& t : terminals) t->engine->start();

    // Keep every queue busy until the schedule has injected all its faults, then let them drain.
    const auto feedLimit = std::chrono::steady_clock::now() + o.drain_limit;
    int serial = 0;
    while (!schedule.exhausted() && std::chrono::steady_clock::now() < feedLimit) {
        for (std::size_t i = 0; i < terminals.size(); ++i) {
            Terminal& t = *terminals[i];
            if (t.outbox.size() >= static_cast<std::size_t>(2 * o.batch)) continue;
            for (int k = 0; k < o.batch; ++k) {
                t.items.push_back(makeItem(static_cast<int>(i), ++serial));
                t.outbox.add(t.items.back());
            }
            t.engine->wake();
        }
        std::this_thread::sleep_for(2ms);
    }
    R2Figures f;
    const auto drainLimit = std::chrono::steady_clock::now() + o.drain_limit;
    auto empty = [&] {
        for (auto& t : terminals)
            if (t->outbox.size() != 0) return false;
        return true;
    };
    while (!empty() && std::chrono::steady_clock::now() < drainLimit)
        std::this_thread::sleep_for(10ms);
    f.drained = empty() && schedule.exhausted();
    for (auto& t : terminals) t->engine->stop();
    proxy.stop();
    f.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    f.injected = schedule.injected();
    f.proxy = proxy.counters();

    // At the office: every queued item exactly once, with its content and one ticket.
    int extraRows = 0;
    const auto office_rows = readOffice(office.dbFile(), extraRows);
    f.duplicates = extraRows;
    std::size_t officeItems = 0;
    for (auto& t : terminals) {
        for (const auto& item : t->items) {
            ++f.items;
            auto it = office_rows.find({t->enrolled.terminal_id, item.client_id});
            if (it == office_rows.end() || it->second.hash != protocol::contentHash(item)) {
                ++f.lost;
                continue;
            }
            ++officeItems;
            ++f.accepted;
            if (it->second.tickets > 1) f.duplicates += it->second.tickets - 1;
            if (it->second.tickets == 0) ++f.lost;  // stored without its ticket
            const bool delivered = t->outbox.inspect([&](MemoryOutbox& box) {
                auto d = box.delivered.find(item.client_id);
                return d != box.delivered.end() && d->second == it->second.ticket;
            });
            if (!delivered) ++f.not_delivered;
        }
        f.not_delivered += t->outbox.inspect(
            [](MemoryOutbox& box) { return static_cast<int>(box.rejected.size()); });
    }
    f.duplicates += static_cast<int>(office_rows.size() - officeItems);  // rows nobody queued

    // At the proxy: one client id per content and one content per client id, across retries.
    std::map<std::string, std::set<std::string>> idsByContent, contentsById;
    const auto seen = proxy.submissionsSeen();
    for (const SeenItem& s : seen) {
        idsByContent[s.content_hash].insert(s.client_id);
        contentsById[s.client_id].insert(s.content_hash);
    }
    for (const auto& [hash, ids] : idsByContent) f.key_changes += static_cast<int>(ids.size()) - 1;
    for (const auto& [id, hashes] : contentsById)
        f.key_changes += static_cast<int>(hashes.size()) - 1;
    f.resent_items = static_cast<int>(seen.size() - contentsById.size());
    if (static_cast<int>(contentsById.size()) < f.items)
        f.lost += f.items - static_cast<int>(contentsById.size());
    return f;
}

void print(std::ostream& out, const R2Options& o, const R2Figures& f) {
    out << "R2 fault run: seed " << o.seed << ", " << o.terminals << " terminals, batch " << o.batch
        << "\n  faults injected:";
    int total = 0;
    for (std::size_t k = 1; k < kFaultKinds; ++k) {
        out << ' ' << faultName(static_cast<Fault>(k)) << '=' << f.injected[k];
        total += f.injected[k];
    }
    out << " (total " << total << ", committed+answer lost " << f.answerLostFaults() << ")\n"
        << "  requests through the proxy: " << f.proxy.requests << " ("
        << f.proxy.submission_requests << " submission batches, " << f.injected[0]
        << " passed clean), connections " << f.proxy.connections << ", office-side failures "
        << f.proxy.upstream_failures << "\n"
        << "  items queued: " << f.items << ", accepted at the office: " << f.accepted
        << ", item resends: " << f.resent_items << "\n"
        << "  lost: " << f.lost << ", duplicated: " << f.duplicates
        << ", idempotency key changed: " << f.key_changes
        << ", not marked delivered: " << f.not_delivered
        << ", drained: " << (f.drained ? "yes" : "no") << "\n  wall time: " << f.wall_s << " s\n"
        << "  result: " << (f.passed() ? "PASS" : "FAIL") << "\n";
}

}  // namespace homedesk::testing
