#include "sync/client/sync_engine.hpp"

#include <random>

#include "sync/client/backoff.hpp"
#include "sync/client/hq_client.hpp"

namespace homedesk::sync {
namespace {

std::int64_t unixNow() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::uint64_t seedFrom(std::uint64_t seed) { return seed != 0 ? seed : std::random_device{}(); }

}  // namespace

SyncEngine::SyncEngine(TransportFactory transports, std::string credential, Outbox& outbox,
                       TicketStatusSink& tickets, NoticeSink& notices, SyncSettings settings,
                       std::function<void()> onChange)
    : m_transports(std::move(transports)),
      m_credential(std::move(credential)),
      m_outbox(outbox),
      m_tickets(tickets),
      m_notices(notices),
      m_settings(std::move(settings)),
      m_onChange(std::move(onChange)),
      m_batch(std::max(1, m_settings.batch_size)) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
    std::lock_guard lock(m_mutex);
    if (m_push.joinable()) return;
    m_pushTransport = m_transports();
    m_noticeTransport = m_transports();
    m_push = std::thread([this] { pushLoop(); });
    m_noticeThread = std::thread([this] { noticeLoop(); });
}

void SyncEngine::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    if (m_pushTransport) m_pushTransport->abort();
    if (m_noticeTransport) m_noticeTransport->abort();
    if (m_push.joinable()) m_push.join();
    if (m_noticeThread.joinable()) m_noticeThread.join();
}

void SyncEngine::wake() {
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

SyncStatus SyncEngine::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

bool SyncEngine::pause(std::chrono::milliseconds delay, bool wakeable) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, delay, [&] { return m_stopping || (wakeable && m_woken); });
    if (wakeable) m_woken = false;
    return !m_stopping;
}

void SyncEngine::noteSuccess() {
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        changed =
            !m_status.last_success || !m_status.last_error.empty() || m_status.needs_attention;
        m_status.last_success = unixNow();
        m_status.last_error.clear();
        m_status.last_error_code.reset();
        m_status.needs_attention = false;
    }
    if (changed && m_onChange) m_onChange();
}

void SyncEngine::noteFailure(const protocol::ProtocolError& error) {
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        std::string text =
            error.message.empty() ? std::string(protocol::wireName(error.code)) : error.message;
        changed = text != m_status.last_error || m_status.last_error_code != error.code ||
                  m_status.needs_attention != error.fatal();
        m_status.last_error = std::move(text);
        m_status.last_error_code = error.code;
        m_status.needs_attention = error.fatal();
    }
    if (changed && m_onChange) m_onChange();
}

void SyncEngine::updateQueue() {
    const std::int64_t now = unixNow();
    auto stats = m_outbox.stats(now);
    if (!stats) return;
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        changed = m_status.queued != stats->depth ||
                  m_status.oldest_age_s.has_value() != stats->oldest_age_s.has_value();
        m_status.queued = stats->depth;
        m_status.oldest_age_s = stats->oldest_age_s;
        m_status.queue_checked_at = now;
    }
    if (changed && m_onChange) m_onChange();
}

void SyncEngine::pushLoop() {
    try {
        HqClient client(*m_pushTransport);
        client.setCredential(m_credential);
        Backoff backoff(m_settings.backoff_base, m_settings.backoff_cap, seedFrom(m_settings.seed));
        auto nextHeartbeat = std::chrono::steady_clock::now();
        for (;;) {
            Round round = pushOnce(client);
            updateQueue();
            if (round == Round::Progress) {
                backoff.reset();
                if (m_onChange) m_onChange();
                continue;  // more may be queued
            }
            if (round == Round::Idle) round = pullTickets(client);
            if (round != Round::RetryLater && round != Round::Fatal &&
                std::chrono::steady_clock::now() >= nextHeartbeat) {
                heartbeat(client);
                nextHeartbeat = std::chrono::steady_clock::now() + m_settings.heartbeat_interval;
            }
            std::chrono::milliseconds delay = m_settings.poll_interval;
            if (round == Round::RetryLater) delay = backoff.next();
            else if (round == Round::Fatal) delay = m_settings.backoff_cap;
            else backoff.reset();
            if (!pause(delay, round != Round::Fatal)) return;
        }
    } catch (const std::exception& e) {
        noteFailure({protocol::ErrorCode::ServerError, std::string("sync stopped: ") + e.what()});
    } catch (...) {
        noteFailure({protocol::ErrorCode::ServerError, "sync stopped"});
    }
}

SyncEngine::Round SyncEngine::pushOnce(HqClient& client) {
    auto items = m_outbox.pending(m_batch);
    if (!items) {
        noteFailure({protocol::ErrorCode::ServerError, "outbox: " + items.error().message});
        return Round::RetryLater;
    }
    if (items->empty()) return Round::Idle;
    const std::int64_t now = unixNow();
    auto answer = client.submit({items.value()});
    if (!answer.ok()) {
        if (answer.status == 413 && m_batch > 1) {
            m_batch = std::max(1, m_batch / 2);  // smaller batches from now on
            return Round::Progress;
        }
        if (answer.status == 413 || answer.status == 400) {
            // This batch can never go as it is; park its first item so the rest can move.
            (void)m_outbox.markRejected(items->front().client_id, answer.error, now);
            noteFailure(answer.error);
            return Round::Progress;
        }
        // The office answered and refused the batch for now (5xx, 429): count the attempt on each
        // item. With no answer at all (offline) the queue is left untouched: an outage must not
        // write to the terminal's disk on every retry, and the engine's status says why.
        if (answer.status != 0) {
            std::vector<Outbox::Outcome> failed;
            failed.reserve(items->size());
            for (const auto& item : items.value())
                failed.push_back(
                    {Outbox::Outcome::Kind::Failed, item.client_id, std::nullopt, answer.error});
            (void)m_outbox.settle(failed, now);
        }
        noteFailure(answer.error);
        return answer.error.fatal() ? Round::Fatal : Round::RetryLater;
    }
    // The whole batch's answers in one go: one commit on the terminal's store.
    std::vector<Outbox::Outcome> outcomes;
    outcomes.reserve(answer.value->results.size());
    std::int64_t delivered = 0, rejected = 0;
    for (const auto& result : answer.value->results) {
        if (result.status == protocol::ItemStatus::Accepted) {
            outcomes.push_back(
                {Outbox::Outcome::Kind::Delivered, result.client_id, result.ticket_number, {}});
            ++delivered;
            continue;
        }
        const protocol::ProtocolError why = result.error.value_or(
            protocol::ProtocolError{protocol::ErrorCode::BadRequest, "rejected"});
        const bool later = why.retryable();
        outcomes.push_back({later ? Outbox::Outcome::Kind::Failed : Outbox::Outcome::Kind::Rejected,
                            result.client_id, std::nullopt, why});
        if (!later) ++rejected;
    }
    if (auto settled = m_outbox.settle(outcomes, now); !settled) {
        // Not recorded: the items stay queued and go again with the same ids (the office answers
        // "resent"), so nothing is lost or doubled.
        noteFailure({protocol::ErrorCode::ServerError, "outbox: " + settled.error().message});
        return Round::RetryLater;
    }
    {
        std::lock_guard lock(m_mutex);
        m_status.delivered += delivered;
        m_status.rejected += rejected;
    }
    noteSuccess();
    // Nothing moved (every item answered "try later"): back off rather than spin.
    return delivered + rejected > 0 ? Round::Progress : Round::RetryLater;
}

SyncEngine::Round SyncEngine::pullTickets(HqClient& client) {
    auto cursor = m_tickets.ticketCursor();
    if (!cursor) return Round::RetryLater;
    for (bool more = true; more;) {
        auto page = client.ticketStatus(cursor.value());
        if (!page.ok()) {
            noteFailure(page.error);
            return page.error.fatal() ? Round::Fatal : Round::RetryLater;
        }
        if (!m_tickets.applyTicketPage(page.value->changes, page.value->cursor))
            return Round::RetryLater;
        if (!page.value->changes.empty() && m_onChange) m_onChange();
        cursor.value() = page.value->cursor;
        more = page.value->more;
    }
    noteSuccess();
    return Round::Idle;
}

void SyncEngine::heartbeat(HqClient& client) {
    protocol::Heartbeat hb;
    hb.app_version = m_settings.app_version;
    hb.sent_at = unixNow();
    const SyncStatus s = status();
    hb.queue_depth = s.queued;
    hb.oldest_unsent_age_s = s.oldest_age_s;
    if (!s.last_error.empty()) hb.errors.push_back(s.last_error.substr(0, 500));
    if (m_displays) {
        auto displays = m_displays->unreported(500);
        if (displays) hb.displayed = std::move(displays.value());
    }
    auto ack = client.heartbeat(hb);
    if (!ack.ok()) {
        noteFailure(ack.error);
        return;
    }
    // The office deduplicates display records, so a crash before this line only resends them.
    if (m_displays && !hb.displayed.empty()) (void)m_displays->reported(hb.displayed);
}

void SyncEngine::noticeLoop() {
    try {
        HqClient client(*m_noticeTransport);
        client.setCredential(m_credential);
        Backoff backoff(m_settings.backoff_base, m_settings.backoff_cap,
                        seedFrom(m_settings.seed) + 1);
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping) return;
            }
            auto cursor = m_notices.noticeCursor();
            if (!cursor) {
                if (!pause(backoff.next(), false)) return;
                continue;
            }
            auto page = client.notices(cursor.value(), m_settings.notice_wait_s);
            if (!page.ok()) {
                noteFailure(page.error);
                const auto delay = page.error.fatal() ? m_settings.backoff_cap : backoff.next();
                if (!pause(delay, false)) return;
                continue;
            }
            if (!m_notices.applyNoticePage(page.value->changes, page.value->cursor)) {
                if (!pause(backoff.next(), false)) return;
                continue;
            }
            backoff.reset();
            noteSuccess();
            if (!page.value->changes.empty() && m_onChange) m_onChange();
        }
    } catch (const std::exception& e) {
        noteFailure(
            {protocol::ErrorCode::ServerError, std::string("notices stopped: ") + e.what()});
    } catch (...) {
        noteFailure({protocol::ErrorCode::ServerError, "notices stopped"});
    }
}

}  // namespace homedesk::sync
