// Notices in the SQLite store. Every publish or retraction takes the next sequence number from
// notice_changes; a notice's last_seq is its place in every terminal's feed.
#include "sync/hq/sqlite_hq_guard.hpp"
#include "sync/hq/sqlite_notice_reach.hpp"

namespace homedesk::hq {
namespace {

std::int64_t recordChange(Database& db, const std::string& noticeId, const char* change,
                          std::int64_t now) {
    db.prepare("INSERT INTO notice_changes(notice_id, change, at) VALUES (?, ?, ?)")
        .bind(1, noticeId).bind(2, std::string_view(change)).bind(3, now).run();
    return db.lastInsertId();
}

void addTargets(Database& db, const std::string& id, const std::vector<NoticeTarget>& targets) {
    auto target =
        db.prepare("INSERT OR IGNORE INTO notice_targets(notice_id, kind, ref) VALUES (?, ?, ?)");
    for (const NoticeTarget& t : targets) {
        target.bind(1, id).bind(2, toString(t.kind)).bind(3, t.ref).run();
        target.reset();
    }
}

std::optional<std::string> keyOrNull(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return key;
}

}  // namespace

// One new notice at revision 1; `sourceKey` empty for a notice typed at the office.
std::string SqliteHqStore::insertNotice(const NoticeDraft& draft, const std::string& sourceKey,
                                        std::int64_t now) {
    const std::string id = "n" + std::to_string(nextId("notices"));
    // The change row references the notice, so the notice goes in first with seq 0.
    m_db->prepare("INSERT INTO notices(id, revision, title, body, category, emergency, pinned, "
                  "publish_at, expire_at, created_at, last_seq, title_en, body_en, source_key) "
                  "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
        .bind(1, id).bind(2, draft.title).bind(3, draft.body)
        .bind(4, protocol::toString(draft.category))
        .bind(5, std::int64_t{draft.emergency}).bind(6, std::int64_t{draft.pinned})
        .bind(7, draft.publish_at).bind(8, draft.expire_at).bind(9, now)
        .bind(10, draft.title_en).bind(11, draft.body_en).bind(12, keyOrNull(sourceKey)).run();
    addTargets(*m_db, id, draft.targets);
    const std::int64_t seq = recordChange(*m_db, id, "publish", now);
    m_db->prepare("UPDATE notices SET last_seq = ? WHERE id = ?").bind(1, seq).bind(2, id).run();
    return id;
}

namespace {

Result<bool> checkDraft(const NoticeDraft& draft) {
    if (draft.targets.empty())
        return invalidInput("hq store", "a notice needs at least one target");
    if (draft.title_en.empty() && !draft.body_en.empty())
        return invalidInput("hq store", "an English body needs an English title");
    return true;
}

}  // namespace

Result<std::string> SqliteHqStore::publishNotice(const NoticeDraft& draft, std::int64_t now) {
    if (auto ok = checkDraft(draft); !ok) return ok.error();
    return guarded<std::string>("publish notice", [&] {
        Transaction tx(*m_db);
        const std::string id = insertNotice(draft, {}, now);
        tx.commit();
        return id;
    });
}

Result<PublishOutcome> SqliteHqStore::publishNoticeFrom(const std::string& sourceKey,
                                                        const NoticeDraft& draft,
                                                        std::int64_t now) {
    if (auto ok = checkDraft(draft); !ok) return ok.error();
    if (sourceKey.empty()) return invalidInput("hq store", "an imported notice needs its key");
    return guarded<PublishOutcome>("publish notice", [&] {
        Transaction tx(*m_db);
        auto live = m_db->prepare(
            "SELECT id, title, body, title_en, body_en, category, emergency, pinned, publish_at, "
            "expire_at FROM notices WHERE source_key = ? AND retracted_at IS NULL "
            "ORDER BY created_at DESC, id DESC LIMIT 1");
        live.bind(1, sourceKey);
        if (!live.step()) {
            const std::string id = insertNotice(draft, sourceKey, now);
            tx.commit();
            return PublishOutcome{id, PublishKind::Published};
        }
        const std::string id = live.text(0);
        const bool same = live.text(1) == draft.title && live.text(2) == draft.body &&
                          live.text(3) == draft.title_en && live.text(4) == draft.body_en &&
                          live.text(5) == protocol::toString(draft.category) &&
                          (live.integer(6) != 0) == draft.emergency &&
                          (live.integer(7) != 0) == draft.pinned &&
                          live.integer(8) == draft.publish_at &&
                          live.optInteger(9) == draft.expire_at;
        live.reset();
        std::int64_t targetsBefore = 0;
        {
            auto count = m_db->prepare("SELECT COUNT(*) FROM notice_targets WHERE notice_id = ?");
            count.bind(1, id).step();
            targetsBefore = count.integer(0);
        }
        addTargets(*m_db, id, draft.targets);
        std::int64_t targetsAfter = 0;
        {
            auto count = m_db->prepare("SELECT COUNT(*) FROM notice_targets WHERE notice_id = ?");
            count.bind(1, id).step();
            targetsAfter = count.integer(0);
        }
        if (same && targetsAfter == targetsBefore) {
            tx.commit();
            return PublishOutcome{id, PublishKind::Unchanged};
        }
        // A revision replaces every text: a draft without English clears the old English, so no
        // terminal keeps a translation of the previous wording. New targets see it too.
        const std::int64_t seq = recordChange(*m_db, id, "revise", now);
        m_db->prepare("UPDATE notices SET revision = revision + 1, title = ?, body = ?, "
                      "title_en = ?, body_en = ?, category = ?, emergency = ?, pinned = ?, "
                      "publish_at = ?, expire_at = ?, last_seq = ? WHERE id = ?")
            .bind(1, draft.title).bind(2, draft.body).bind(3, draft.title_en)
            .bind(4, draft.body_en).bind(5, protocol::toString(draft.category))
            .bind(6, std::int64_t{draft.emergency}).bind(7, std::int64_t{draft.pinned})
            .bind(8, draft.publish_at).bind(9, draft.expire_at).bind(10, seq).bind(11, id).run();
        tx.commit();
        return PublishOutcome{id, PublishKind::Revised};
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
    static const std::string sql =
        "SELECT n.last_seq, n.id, n.revision, n.title, n.body, n.category, n.emergency, "
        "n.pinned, n.publish_at, n.expire_at, n.retracted_at IS NOT NULL, n.title_en, "
        "n.body_en FROM notices n WHERE n.last_seq > ?1 AND " +
        noticeReaches("n.id", "?4", "?2", "?3") + " ORDER BY n.last_seq LIMIT ?5";
    return guarded<protocol::NoticeFeed>("notice feed", [&] {
        protocol::NoticeFeed feed;
        Transaction snapshot(*m_db, Transaction::Mode::Read);  // rows and MAX(seq) agree
        auto st = m_db->prepare(sql);
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
            if (!n.retracted) {  // a retraction carries no text in either language
                n.title = st.text(3);
                n.body = st.text(4);
                if (auto en = st.text(11); !en.empty()) n.title_en = std::move(en);
                if (auto en = st.text(12); !en.empty() && n.title_en) n.body_en = std::move(en);
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
