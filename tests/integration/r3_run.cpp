#include "tests/integration/r3_run.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iomanip>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <stdexcept>
#include <thread>

#include "kiosk/store/sqlite_db.hpp"
#include "kiosk/store/terminal_db.hpp"
#include "kiosk/store/sqlite_ticket_store.hpp"
#include "kiosk/store/sync_adapters.hpp"
#include "sync/client/sync_engine.hpp"
#include "sync/hq/sqlite_db.hpp"
#include "tests/integration/loopback_hq.hpp"

namespace homedesk::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* kQueuedPrefix = "r3-q-";
constexpr const char* kResidentPrefix = "r3-r-";

NewTicket request(const std::string& id, std::int64_t createdAt, int n) {
    NewTicket t;
    t.clientId = id;
    t.kind = n % 4 == 3 ? TicketKind::Complaint : TicketKind::Repair;
    t.repairCategory = RepairCategory::Elevator;
    t.location.kind = TicketLocation::Kind::PublicPlace;
    t.location.buildingId = "b2";
    t.location.placeId = "b2-elevator-2";
    t.urgency = n % 5 == 0 ? Urgency::Urgent : Urgency::Normal;
    t.description = "电梯门关不上 #" + std::to_string(n);
    t.phone = "138" + std::to_string(10'000'000 + n % 90'000'000);
    t.createdAt = createdAt;
    return t;
}

// The office's availability: while down, every request goes to a loopback port nobody listens on,
// refused at once, as when the office's host is up and its service is not.
class OutageTransport final : public sync::HttpTransport {
public:
  OutageTransport(std::unique_ptr<sync::HttpTransport> dead,
                  std::unique_ptr<sync::HttpTransport> real, const std::atomic<bool>& down,
                  std::atomic<int>& refused)
      : m_dead(std::move(dead)), m_real(std::move(real)), m_down(down), m_refused(refused) {}
  sync::HttpResult send(const sync::HttpRequest& request) override {
      if (!m_down) return m_real->send(request);
      ++m_refused;
      return m_dead->send(request);
    }
    void abort() override {
        m_dead->abort();
        m_real->abort();
    }

private:
    std::unique_ptr<sync::HttpTransport> m_dead, m_real;
    const std::atomic<bool>& m_down;
    std::atomic<int>& m_refused;
};

LatencyFigures summarize(std::vector<double> ms, int failed) {
    LatencyFigures f;
    f.count = static_cast<int>(ms.size());
    f.failed = failed;
    if (ms.empty()) return f;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
    };
    f.p50_ms = at(0.50);
    f.p99_ms = at(0.99);
    f.max_ms = ms.back();
    return f;
}

// A resident at the terminal filing a request every few tens of milliseconds through the real
// store (its own connection, as the UI thread has), timing each durable commit.
class Resident {
public:
    Resident(const std::string& db, const std::string& key, std::chrono::milliseconds every)
        : m_db(must(store::TerminalDb::open(db, key), "resident store")), m_every(every) {
        m_thread = std::thread([this] { run(); });
    }
    ~Resident() { stop(); }
    void nextPhase() { ++m_phase; }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    LatencyFigures phase(int p) const {
        std::lock_guard lock(m_mutex);
        return summarize(m_ms[p], m_failed[p]);
    }

private:
    void run() {
        for (int n = 0; !m_stop; ++n) {
            const auto t0 = Clock::now();
            const bool ok = m_db->tickets()
                                .submit(request(kResidentPrefix + std::to_string(100'000 + n),
                                                wallSeconds(), n))
                                .ok();
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            {
                std::lock_guard lock(m_mutex);
                const int p = std::min(m_phase.load(), 1);
                if (ok) m_ms[p].push_back(ms);
                else ++m_failed[p];
            }
            std::this_thread::sleep_for(m_every);
        }
    }

    std::unique_ptr<store::TerminalDb> m_db;
    std::chrono::milliseconds m_every;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_phase{0};
    mutable std::mutex m_mutex;
    std::vector<double> m_ms[2];
    int m_failed[2] = {0, 0};
    std::thread m_thread;
};

// The queue as it stood when the outage began: `items` requests filed over the simulated hours.
void fillQueue(const R3Options& o, const fs::path& work, const std::string& key) {
    const bool elsewhere = !o.fill_dir.empty() && fs::is_directory(o.fill_dir);
    const fs::path base = elsewhere ? fs::path(o.fill_dir) / work.filename() : work;
    fs::create_directories(base);
    {
        auto filler =
            must(store::TerminalDb::open((base / "homedesk.db").string(), key), "fill store");
        const std::int64_t span = std::int64_t{o.outage_hours} * 3600;
        const std::int64_t start = wallSeconds() - span;
        for (int i = 0; i < o.items; ++i) {
            const std::string id = kQueuedPrefix + std::to_string(1'000'000 + i);
            must(filler->tickets().submit(request(id, start + span * i / std::max(1, o.items), i)),
                 "fill");
        }
    }
    if (!elsewhere) return;
    for (const char* file : {"homedesk.db", "homedesk.db-wal"})
        if (fs::exists(base / file))
            fs::copy_file(base / file, work / file, fs::copy_options::overwrite_existing);
    fs::remove_all(base);
}

std::int64_t count(store::Db& db, const std::string& sql) {
    return must(db.queryInt(sql), "count");
}

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

bool R3Figures::passed() const {
    const auto usable = [](const LatencyFigures& l) {
        return l.count > 0 && l.failed == 0 && l.max_ms < 2000;
    };
    return drained && lost == 0 && duplicates == 0 && out_of_order == 0 && not_delivered == 0 &&
           seen_depth >= filled && outage_reported && usable(outage) && usable(drain);
}

R3Figures runR3(const R3Options& o) {
    R3Figures f;
    LoopbackHq hq;
    const fs::path work = hq.dir().path() / "terminal";
    fs::create_directories(work);
    const std::string db = (work / "homedesk.db").string(), key = (work / "homedesk.key").string();
    auto t0 = Clock::now();
    fillQueue(o, work, key);
    f.filled = o.items;
    f.fill_s = since(t0);

    const auto enrolled = hq.enroll("r3-lobby");
    std::atomic<bool> down{true};
    std::atomic<int> refused{0};
    const std::string deadUrl = "https://127.0.0.1:" + std::to_string(freeLoopbackPort());
    auto pushDb = must(store::TerminalDb::open(db, key), "push thread's database");
    auto noticeDb = must(store::TerminalDb::open(db, key), "notice thread's database");
    store::StoreOutbox queue(pushDb->outbox());
    store::StoreTicketSink tickets(pushDb->outbox());
    store::StoreNoticeSink noticeSink(noticeDb->notices());
    // The engine's clock runs `speedup` times faster: its 30 s backoff cap is 3 ms at 10,000x,
    // so a day of retrying fits in seconds; the polls are kept sane for a real loopback.
    sync::SyncSettings s;
    const auto scaled = [&](int realMs, int floorMs) {
        return std::chrono::milliseconds(std::max(floorMs, realMs / o.speedup));
    };
    s.backoff_base = scaled(1000, 1);
    s.backoff_cap = scaled(30'000, 1);
    s.poll_interval = scaled(30'000, 100);
    s.heartbeat_interval = scaled(60'000, 200);
    s.notice_wait_s = 1;
    s.seed = 20261202;
    sync::SyncEngine engine(
        [&] {
            return std::make_unique<OutageTransport>(hq.transport(deadUrl), hq.transport(hq.url()),
                                                     down, refused);
        },
        enrolled.credential, queue, tickets, noticeSink, s, [] {});
    auto reader = must(store::Db::open(db), "reader");

    // The outage: the engine retries against a closed port while the resident keeps filing.
    Resident resident(db, key, std::chrono::milliseconds(o.resident_every_ms));
    engine.start();
    t0 = Clock::now();
    const auto outage = std::chrono::duration<double>(double(o.outage_hours) * 3600 / o.speedup);
    while (Clock::now() - t0 < outage) {
        std::this_thread::sleep_for(20ms);
        const auto st = engine.status();
        f.seen_depth = std::max(f.seen_depth, st.queued);
        f.outage_reported = f.outage_reported || !st.last_error.empty();
    }
    f.outage_s = since(t0);

    // The office returns.
    f.queued = static_cast<int>(count(reader, "SELECT count(*) FROM outbox"));
    resident.nextPhase();
    down = false;
    engine.wake();
    t0 = Clock::now();
    const std::string queuedLeft =
        std::string("SELECT count(*) FROM outbox WHERE client_id LIKE '") + kQueuedPrefix + "%'";
    while (count(reader, queuedLeft) > 0 && Clock::now() - t0 < o.drain_limit)
        std::this_thread::sleep_for(50ms);
    resident.stop();
    while (count(reader, "SELECT count(*) FROM outbox") > 0 && Clock::now() - t0 < o.drain_limit) {
        engine.wake();
        std::this_thread::sleep_for(50ms);
    }
    f.drain_s = since(t0);
    f.drained = count(reader, "SELECT count(*) FROM outbox") == 0;
    engine.stop();
    f.outage = resident.phase(0);
    f.drain = resident.phase(1);
    f.refused_attempts = refused;

    // What the terminal filed, in queue order, against what the office holds, in arrival order.
    std::vector<std::string> filed;
    std::map<std::string, size_t> position;
    {
        auto rows =
            must(reader.prepare(
                     "SELECT client_id, delivered_at IS NOT NULL AND ticket_number IS NOT NULL "
                     "FROM tickets ORDER BY rowid"),
                 "tickets");
        while (must(rows.step(), "tickets")) {
            position.emplace(rows.text(0), filed.size());
            filed.push_back(rows.text(0));
            if (rows.integer(1) == 0) ++f.not_delivered;
        }
    }
    hq::Database office(hq.dbFile());
    std::set<std::string> arrived;
    auto rows =
        office.prepare("SELECT client_id FROM submissions WHERE terminal_id = ? ORDER BY rowid");
    rows.bind(1, enrolled.terminal_id);
    size_t highest = 0;
    bool any = false;
    while (rows.step()) {
        ++f.office_rows;
        const std::string id = rows.text(0);
        if (!arrived.insert(id).second) ++f.duplicates;
        const auto it = position.find(id);
        if (it == position.end()) continue;
        if (any && it->second < highest) ++f.out_of_order;
        highest = std::max(highest, it->second);
        any = true;
    }
    for (const auto& id : filed)
        if (!arrived.count(id)) ++f.lost;
    auto extra = office.prepare(
        "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM tickets "
        "WHERE terminal_id = ? GROUP BY client_id)");
    extra.bind(1, enrolled.terminal_id);
    if (extra.step()) f.duplicates += static_cast<int>(extra.integer(0));
    return f;
}

void print(std::ostream& out, const R3Options& o, const R3Figures& f) {
    const auto latency = [&](const char* phase, const LatencyFigures& l) {
        out << "  resident " << phase << ": " << l.count << " requests filed, " << l.failed
            << " failed; commit p50 " << l.p50_ms << " ms, p99 " << l.p99_ms << " ms, max "
            << l.max_ms << " ms (T7: p99 <= 15 ms)\n";
    };
    out << std::fixed << std::setprecision(1);
    out << "R3: head office down " << o.outage_hours << " h (simulated, " << o.speedup << "x), "
        << o.items << " items queued on a real SQLite terminal store\n";
    out << "  queue built in " << f.fill_s << " s; outage " << f.outage_s << " s real, "
        << f.refused_attempts << " sends refused, queue seen " << f.seen_depth
        << ", outage reported: " << (f.outage_reported ? "yes" : "NO") << "\n";
    out << "  office back: " << f.queued << " queued, drained in " << f.drain_s << " s ("
        << (f.drain_s > 0 ? f.office_rows / f.drain_s : 0.0) << " items/s)"
        << (f.drained ? "" : " -- NOT DRAINED") << "\n";
    latency("during the outage", f.outage);
    latency("during the drain", f.drain);
    out << "  at the office " << f.office_rows << " items: " << f.lost << " lost, " << f.duplicates
        << " duplicated, " << f.out_of_order << " out of order; " << f.not_delivered
        << " not marked delivered on the terminal\n";
    out << (f.passed() ? "PASS" : "FAIL") << "\n";
}

}  // namespace homedesk::testing
