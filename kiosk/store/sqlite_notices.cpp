// Notice feed changes, the current list and display records.
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sync_cursors.hpp"

#include "kiosk/store/input_rules.hpp"
#include "kiosk/store/store_open.hpp"

namespace homedesk::store {

Result<bool> SqliteNotices::applyChange(const StoredNotice& n, const std::vector<NoticeTarget>& targets,
                                        std::int64_t receivedAt) {
    return guarded<bool>("store.notices.applyChange", [&]() -> Result<bool> {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        auto applied = applyInTransaction(n, targets, receivedAt);
        if (!applied) return applied.error();
        if (auto committed = tx->commit(); !committed) return committed.error();
        return *applied;
    });
}

Status SqliteNotices::applyPage(const std::vector<StoredNotice>& notices, const std::string& feed,
                                const std::string& cursor, std::int64_t receivedAt) {
    return guarded<Done>("store.notices.applyPage", [&]() -> Status {
        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        for (const auto& n : notices)
            if (auto applied = applyInTransaction(n, {}, receivedAt); !applied) return applied.error();
        if (auto saved = saveCursor(m_db, feed, cursor); !saved) return saved.error();
        return tx->commit();
    });
}

Result<std::string> SqliteNotices::cursor(const std::string& feed) {
    return guarded<std::string>("store.notices.cursor", [&] { return readCursor(m_db, feed); });
}

Result<bool> SqliteNotices::applyInTransaction(const StoredNotice& n, const std::vector<NoticeTarget>& targets,
                                               std::int64_t receivedAt) {
    auto upsert = m_db.prepare(
        "INSERT INTO notices (id, revision, title, body, category, emergency, pinned, publish_at, expire_at, "
        "retracted, received_at, title_en, body_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
        "ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, title = excluded.title, "
        "body = excluded.body, category = excluded.category, emergency = excluded.emergency, "
        "pinned = excluded.pinned, publish_at = excluded.publish_at, expire_at = excluded.expire_at, "
        "retracted = excluded.retracted, received_at = excluded.received_at, title_en = excluded.title_en, "
        "body_en = excluded.body_en "
        "WHERE excluded.revision > notices.revision");
    if (!upsert) return upsert.error();
    upsert->bind(1, n.id).bind(2, n.revision).bind(3, storableText(n.title)).bind(4, storableText(n.body))
        .bind(5, n.category).bind(6, n.emergency).bind(7, n.pinned).bind(8, n.publishAt)
        .bind(10, n.retracted).bind(11, receivedAt).bind(12, storableText(n.titleEn)).bind(13, storableText(n.bodyEn));
    if (n.expireAt) upsert->bind(9, *n.expireAt); else upsert->bindNull(9);
    if (auto done = upsert->run(); !done) return done.error();
    if (m_db.changes() == 0) return false;  // stale or repeated revision

    auto clear = m_db.prepare("DELETE FROM notice_targets WHERE notice_id = ?1");
    if (!clear) return clear.error();
    clear->bind(1, n.id);
    if (auto done = clear->run(); !done) return done.error();
    auto add = m_db.prepare("INSERT OR IGNORE INTO notice_targets (notice_id, target_kind, target_id) VALUES (?1, ?2, ?3)");
    if (!add) return add.error();
    for (const auto& target : targets) {
        add->reset();
        add->bind(1, n.id).bind(2, target.kind).bind(3, target.id);
        if (auto done = add->run(); !done) return done.error();
    }
    return true;
}

Result<std::vector<StoredNotice>> SqliteNotices::current(std::int64_t now) {
    return guarded<std::vector<StoredNotice>>("store.notices.current", [&]() -> Result<std::vector<StoredNotice>> {
        auto stmt = m_db.prepare(
            "SELECT id, revision, title, body, category, emergency, pinned, publish_at, expire_at, title_en, body_en "
            "FROM notices "
            "WHERE retracted = 0 AND publish_at <= ?1 AND (expire_at IS NULL OR expire_at > ?1) "
            "ORDER BY emergency DESC, pinned DESC, publish_at DESC, id");
        if (!stmt) return stmt.error();
        stmt->bind(1, now);
        std::vector<StoredNotice> out;
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            out.push_back(StoredNotice{stmt->text(0), stmt->integer(1), stmt->text(2), stmt->text(3), stmt->text(4),
                                       stmt->integer(5) != 0, stmt->integer(6) != 0, stmt->integer(7),
                                       stmt->optInteger(8), false, stmt->text(9), stmt->text(10)});
        }
        return out;
    });
}

Result<std::int64_t> SqliteNotices::count() {
    return guarded<std::int64_t>("store.notices.count", [&]() -> Result<std::int64_t> {
        auto stmt = m_db.prepare("SELECT count(*) FROM notices");
        if (!stmt) return stmt.error();
        auto row = stmt->step();
        if (!row) return row.error();
        return stmt->integer(0);
    });
}

Status SqliteNotices::recordDisplay(const DisplayRecord& r) {
    return guarded<Done>("store.notices.recordDisplay", [&]() -> Status {
        auto stmt = m_db.prepare(
            "INSERT INTO notice_displays (notice_id, revision, shown_at, shown_ms, context) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!stmt) return stmt.error();
        stmt->bind(1, r.noticeId).bind(2, r.revision).bind(3, r.shownAt).bind(4, r.shownMs).bind(5, r.context);
        return stmt->run();
    });
}

Result<std::vector<DisplayRecord>> SqliteNotices::unreportedDisplays(int limit) {
    return guarded<std::vector<DisplayRecord>>("store.notices.unreported", [&]() -> Result<std::vector<DisplayRecord>> {
        auto stmt = m_db.prepare(
            "SELECT id, notice_id, revision, shown_at, shown_ms, context FROM notice_displays "
            "WHERE reported_at IS NULL ORDER BY id LIMIT ?1");
        if (!stmt) return stmt.error();
        stmt->bind(1, static_cast<std::int64_t>(limit < 0 ? 0 : limit));
        std::vector<DisplayRecord> out;
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            out.push_back(DisplayRecord{stmt->integer(0), stmt->text(1), stmt->integer(2), stmt->integer(3),
                                        stmt->integer(4), stmt->text(5)});
        }
        return out;
    });
}

Status SqliteNotices::markDisplayReported(const std::string& noticeId, std::int64_t revision, std::int64_t shownAt,
                                         std::int64_t at) {
    return guarded<Done>("store.notices.markReported", [&]() -> Status {
        auto stmt = m_db.prepare(
            "UPDATE notice_displays SET reported_at = ?4 WHERE notice_id = ?1 AND revision = ?2 AND shown_at = ?3 "
            "AND reported_at IS NULL");
        if (!stmt) return stmt.error();
        stmt->bind(1, noticeId).bind(2, revision).bind(3, shownAt).bind(4, at);
        return stmt->run();
    });
}

Status SqliteNotices::markDisplaysReported(std::int64_t upToId, std::int64_t at) {
    return guarded<Done>("store.notices.markReported", [&]() -> Status {
        auto stmt = m_db.prepare("UPDATE notice_displays SET reported_at = ?2 WHERE id <= ?1 AND reported_at IS NULL");
        if (!stmt) return stmt.error();
        stmt->bind(1, upToId).bind(2, at);
        return stmt->run();
    });
}

}  // namespace homedesk::store
