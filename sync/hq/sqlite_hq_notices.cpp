// Notices in the SQLite store. Every publish or retraction takes the next sequence number from
// notice_changes; a notice's last_seq is its place in every terminal's feed.
#include "sync/hq/sqlite_hq_guard.hpp"

namespace homedesk::hq {
namespace {

std::string_view kindText(TargetKind kind) {
    switch (kind) {
        case TargetKind::All: return "all";
        case TargetKind::Community: return "community";
        case TargetKind::Building: return "building";
        case TargetKind::Terminal: return "terminal";
    }
    return "all";
}

std::int64_t recordChange(Database& db, const std::string& noticeId, const char* change,
                          std::int64_t now) {
    db.prepare("INSERT INTO notice_changes(notice_id, change, at) VALUES (?, ?, ?)")
        .bind(1, noticeId).bind(2, std::string_view(change)).bind(3, now).run();
    return db.lastInsertId();
}

}  // namespace

Result<std::string> SqliteHqStore::publishNotice(const NoticeDraft& draft, std::int64_t now) {
    if (draft.targets.empty())
        return invalidInput("hq store", "a notice needs at least one target");
    return guarded<std::string>("publish notice", [&] {
        Transaction tx(*m_db);
        const std::string id = "n" + std::to_string(nextId("notices"));
        // The change row references the notice, so the notice goes in first with seq 0.
        m_db->prepare("INSERT INTO notices(id, revision, title, body, category, emergency, pinned, "
                      "publish_at, expire_at, created_at, last_seq) "
                      "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
            .bind(1, id).bind(2, draft.title).bind(3, draft.body)
            .bind(4, protocol::toString(draft.category))
            .bind(5, std::int64_t{draft.emergency}).bind(6, std::int64_t{draft.pinned})
            .bind(7, draft.publish_at).bind(8, draft.expire_at).bind(9, now).run();
        auto target = m_db->prepare(
            "INSERT OR IGNORE INTO notice_targets(notice_id, kind, ref) VALUES (?, ?, ?)");
        for (const NoticeTarget& t : draft.targets) {
            target.bind(1, id).bind(2, kindText(t.kind)).bind(3, t.ref).run();
            target.reset();
        }
        const std::int64_t seq = recordChange(*m_db, id, "publish", now);
        m_db->prepare("UPDATE notices SET last_seq = ? WHERE id = ?").bind(1, seq).bind(2, id).run();
        tx.commit();
        return id;
    });
}

Result<bool> SqliteHqStore::retractNotice(const std::string& noticeId, std::int64_t now) {
    return guarded<bool>("retract notice", [&] {
        Transaction tx(*m_db);
        auto st = m_db->prepare("SELECT 1 FROM notices WHERE id = ? AND retracted_at IS NULL");
        if (!st.bind(1, noticeId).step()) return false;
        const std::int64_t seq = recordChange(*m_db, noticeId, "retract", now);
        m_db->prepare("UPDATE notices SET retracted_at = ?, revision = revision + 1, last_seq = ? "
                      "WHERE id = ?")
            .bind(1, now).bind(2, seq).bind(3, noticeId).run();
        tx.commit();
        return true;
    });
}

Result<protocol::NoticeFeed> SqliteHqStore::noticesSince(const TerminalRecord& terminal,
                                                         std::int64_t since, int limit) {
    return guarded<protocol::NoticeFeed>("notice feed", [&] {
        protocol::NoticeFeed feed;
        Transaction snapshot(*m_db, Transaction::Mode::Read);  // rows and MAX(seq) agree
        auto st = m_db->prepare(
            "SELECT n.last_seq, n.id, n.revision, n.title, n.body, n.category, n.emergency, "
            "n.pinned, n.publish_at, n.expire_at, n.retracted_at IS NOT NULL "
            "FROM notices n WHERE n.last_seq > ?1 AND EXISTS (SELECT 1 FROM notice_targets t "
            "WHERE t.notice_id = n.id AND (t.kind = 'all' "
            "OR (t.kind = 'community' AND t.ref = ?2) OR (t.kind = 'building' AND t.ref = ?3) "
            "OR (t.kind = 'terminal' AND t.ref = ?4))) ORDER BY n.last_seq LIMIT ?5");
        st.bind(1, since).bind(2, terminal.community_id)
            .bind(3, terminal.building_id.value_or(std::string{})).bind(4, terminal.id)
            .bind(5, std::int64_t{limit});
        std::int64_t last = since;
        while (st.step()) {
            last = st.integer(0);
            protocol::Notice n;
            n.id = st.text(1);
            n.revision = st.integer(2);
            n.retracted = st.integer(10) != 0;
            if (!n.retracted) {
                n.title = st.text(3);
                n.body = st.text(4);
            }
            n.category = protocol::noticeCategoryFrom(st.text(5))
                             .value_or(protocol::NoticeCategory::General);
            n.emergency = st.integer(6) != 0;
            n.pinned = st.integer(7) != 0;
            n.publish_at = st.integer(8);
            n.expire_at = st.optInteger(9);
            feed.changes.push_back(std::move(n));
        }
        feed.more = static_cast<int>(feed.changes.size()) == limit;
        if (!feed.more) {
            auto top = m_db->prepare("SELECT COALESCE(MAX(seq), 0) FROM notice_changes");
            top.step();
            last = std::max(last, top.integer(0));
        }
        feed.cursor = std::to_string(last);
        snapshot.commit();
        return feed;
    });
}

}  // namespace homedesk::hq

namespace homedesk::hq {

Result<std::int64_t> SqliteHqStore::noticeSequence() {
    return guarded<std::int64_t>("notice sequence", [&] {
        auto top = m_db->prepare("SELECT COALESCE(MAX(seq), 0) FROM notice_changes");
        top.step();
        return top.integer(0);
    });
}

}  // namespace homedesk::hq
