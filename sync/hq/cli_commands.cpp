#include "sync/hq/cli_commands.hpp"

#include <chrono>
#include <fstream>
#include <ctime>
#include <iostream>
#include <sstream>

#include "sync/hq/credentials.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "sync/protocol/codec.hpp"
#include "sync/protocol/field_reader.hpp"
#include "sync/protocol/qr_token.hpp"

namespace homedesk::hq::cli {
namespace {

std::int64_t now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

int fail(const std::string& message) {
    std::cerr << "homedesk-hq: " << message << "\n";
    return 1;
}

int fail(const Error& error) { return fail(error.message); }

std::unique_ptr<SqliteHqStore> openStore(const std::string& db) {
    auto store = SqliteHqStore::open(db);
    if (!store) {
        fail(store.error());
        return nullptr;
    }
    return std::move(store.value());
}

bool validLine(const std::string& s, std::size_t max) {
    return !s.empty() && s.size() <= max && protocol::isValidText(s, protocol::TextKind::Line);
}

}  // namespace

int communityAdd(const std::string& db, const std::string& name) {
    if (!validLine(name, 256)) return fail("the name must be one line of 1..256 bytes");
    auto store = openStore(db);
    if (!store) return 1;
    auto id = store->addCommunity(name);
    if (!id) return fail(id.error());
    std::cout << id.value() << "\n";
    return 0;
}

int buildingAdd(const std::string& db, const std::string& community, const std::string& name) {
    if (!validLine(name, 256)) return fail("the name must be one line of 1..256 bytes");
    auto store = openStore(db);
    if (!store) return 1;
    auto id = store->addBuilding(community, name);
    if (!id) return fail(id.error());
    std::cout << id.value() << "\n";
    return 0;
}

int enrollCodeCreate(const std::string& db, const std::string& community,
                     const std::optional<std::string>& building, double hours,
                     const std::string& hqUrl) {
    if (hours <= 0 || hours > 24 * 30) return fail("--hours must be between 0 and 720");
    auto store = openStore(db);
    if (!store) return 1;
    const std::int64_t t = now();
    auto code =
        store->createEnrollCode(community, building, t + static_cast<std::int64_t>(hours * 3600));
    if (!code) return fail(code.error());
    std::cout << code->code << "\n";
    if (!hqUrl.empty()) {
        // The same code as a signed QR token for the terminal's first start.
        auto secret = store->signingSecret();
        if (!secret) return fail(secret.error());
        auto key = protocol::signingKeyFrom(secret.value());
        if (!key) return fail(key.error());
        protocol::TokenClaims claims{protocol::TokenKind::Enrollment, protocol::newTokenId(), t,
                                     code->expires_at, {{"code", code->code}, {"hq", hqUrl}}};
        auto token = protocol::signToken(claims, key.value());
        if (!token) return fail(token.error());
        std::cout << token.value() << "\n";
    }
    return 0;
}

int terminalList(const std::string& db) {
    auto store = openStore(db);
    if (!store) return 1;
    auto list = store->terminals();
    if (!list) return fail(list.error());
    for (const TerminalRecord& t : list.value())
        std::cout << t.id << "\t" << t.community_id << "\t" << t.building_id.value_or("-") << "\t"
                  << protocol::printableLine(t.name) << "\t"
                  << (t.revoked_at ? "revoked" : "active") << "\tlast seen "
                  << (t.last_seen ? std::to_string(*t.last_seen) : "never") << "\n";
    return 0;
}

int terminalRevoke(const std::string& db, const std::string& id) {
    auto store = openStore(db);
    if (!store) return 1;
    auto revoked = store->revokeTerminal(id, now());
    if (!revoked) return fail(revoked.error());
    if (!revoked.value()) return fail("no active terminal " + id);
    std::cout << "revoked " << id << "\n";
    return 0;
}

namespace {

bool validBody(const std::string& s) {
    return s.size() <= 20000 && protocol::isValidText(s, protocol::TextKind::Text);
}

std::optional<std::vector<NoticeTarget>> parseTargets(const std::vector<std::string>& texts) {
    if (texts.empty()) {
        fail("give at least one --target");
        return std::nullopt;
    }
    std::vector<NoticeTarget> targets;
    for (const std::string& text : texts) {
        auto target = parseTarget(text);
        if (!target) {
            fail("bad --target '" + text + "' (all, community:ID, building:ID, terminal:ID)");
            return std::nullopt;
        }
        targets.push_back(*target);
    }
    return targets;
}

std::string_view kindWord(PublishKind kind) {
    switch (kind) {
        case PublishKind::Published: return "published";
        case PublishKind::Revised: return "revised";
        case PublishKind::Unchanged: return "unchanged";
    }
    return "published";
}

int noticePublishFile(const std::string& db, const NoticeOptions& o) {
    if (!o.title.empty() || !o.body.empty() || !o.title_en.empty() || !o.body_en.empty() ||
        o.emergency || o.pinned || o.expires_in_hours > 0)
        return fail("--file takes the text, flags and times from the file; give only --target");
    auto targets = parseTargets(o.targets);
    if (!targets) return 1;
    std::ifstream in(o.file, std::ios::binary);
    if (!in) return fail("cannot read " + o.file);
    std::stringstream text;
    text << in.rdbuf();
    // The same strict decoding as a terminal's: the whole file is checked before anything is
    // published, and a problem names the notice and field (changes[2].title_en: ...).
    auto feed = protocol::decode<protocol::NoticeFeed>(text.str());
    if (!feed) return fail(o.file + ": " + feed.error().message);
    auto store = openStore(db);
    if (!store) return 1;
    const std::int64_t t = now();
    int published = 0;
    for (const protocol::Notice& n : feed->changes) {
        if (n.retracted) {
            std::cout << "-\tskipped (retracted in the file)\t" << n.id << "\n";
            continue;
        }
        NoticeDraft draft;
        draft.title = n.title;
        draft.body = n.body;
        draft.title_en = n.title_en.value_or("");
        draft.body_en = n.body_en.value_or("");
        draft.category = n.category;
        draft.emergency = n.emergency;
        draft.pinned = n.pinned;
        draft.publish_at = n.publish_at > 0 ? n.publish_at : t;
        draft.expire_at = n.expire_at;
        draft.targets = *targets;
        auto outcome = store->publishNoticeFrom(n.id, draft, t);
        if (!outcome) return fail(n.id + ": " + outcome.error().message);
        std::cout << outcome->id << "\t" << kindWord(outcome->kind) << "\t" << n.id << "\n";
        ++published;
    }
    if (published == 0) return fail(o.file + " holds no notice to publish");
    return 0;
}

}  // namespace

int noticePublish(const std::string& db, const NoticeOptions& o) {
    if (!o.file.empty()) return noticePublishFile(db, o);
    NoticeDraft draft;
    if (!validLine(o.title, 256))
        return fail("--title must be one line of 1..256 bytes (or give --file)");
    if (!validBody(o.body))
        return fail("--body must be at most 20000 bytes without control characters");
    if (!o.title_en.empty() && !validLine(o.title_en, 256))
        return fail("--title-en must be one line of at most 256 bytes");
    if (!validBody(o.body_en))
        return fail("--body-en must be at most 20000 bytes without control characters");
    if (o.title_en.empty() && !o.body_en.empty()) return fail("--body-en needs --title-en");
    auto category = protocol::noticeCategoryFrom(o.category);
    if (!category) return fail("--category must be outage, finance, event or general");
    auto targets = parseTargets(o.targets);
    if (!targets) return 1;
    draft.targets = std::move(*targets);
    draft.title = o.title;
    draft.body = o.body;
    draft.title_en = o.title_en;
    draft.body_en = o.body_en;
    draft.category = *category;
    draft.emergency = o.emergency;
    draft.pinned = o.pinned;
    draft.publish_at = now();
    if (o.expires_in_hours > 0)
        draft.expire_at = draft.publish_at + static_cast<std::int64_t>(o.expires_in_hours * 3600);
    auto store = openStore(db);
    if (!store) return 1;
    auto id = store->publishNotice(draft, draft.publish_at);
    if (!id) return fail(id.error());
    std::cout << id.value() << "\n";
    return 0;
}

int noticeRetract(const std::string& db, const std::string& id) {
    auto store = openStore(db);
    if (!store) return 1;
    auto retracted = store->retractNotice(id, now());
    if (!retracted) return fail(retracted.error());
    if (!retracted.value()) return fail("no published notice " + id);
    std::cout << "retracted " << id << "\n";
    return 0;
}

int ticketStatus(const std::string& db, const std::string& number, const std::string& status,
                 const std::string& note) {
    auto state = protocol::ticketStateFrom(status);
    if (!state)
        return fail("--status must be submitted, accepted, dispatched, in_progress, resolved or "
                    "callback_done");
    if (note.size() > 2000 || !protocol::isValidText(note, protocol::TextKind::Text))
        return fail("--note must be at most 2000 bytes without control characters");
    auto store = openStore(db);
    if (!store) return 1;
    auto ticket = store->setTicketStatus(number, *state, note, now());
    if (!ticket) return fail(ticket.error());
    std::cout << number << " " << status << "\n";
    return 0;
}

int ticketList(const std::string& db, bool openOnly) {
    auto store = openStore(db);
    if (!store) return 1;
    auto list = store->tickets(openOnly);
    if (!list) return fail(list.error());
    for (const TicketSummary& t : list.value()) {
        std::string due = "-";
        if (t.due_at) {
            const std::time_t at = static_cast<std::time_t>(*t.due_at);
            char text[32];
            std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", std::gmtime(&at));
            due = text;
        }
        std::cout << t.number << "\t" << t.kind << "\t" << protocol::toString(t.status) << "\tdue "
                  << due << "\tfollows " << t.follows.value_or("-") << "\tcategory "
                  << (t.category.empty() ? "-" : t.category) << "\tassignee "
                  << t.assignee.value_or("-") << "\tescalation " << t.escalation << "\t"
                  << protocol::printableLine(t.note) << "\n";
    }
    return 0;
}

int signingKeyShow(const std::string& db) {
    auto store = openStore(db);
    if (!store) return 1;
    auto secret = store->signingSecret();
    if (!secret) return fail(secret.error());
    auto key = protocol::signingKeyFrom(secret.value());
    if (!key) return fail(key.error());
    std::cout << key->publicKey.encoded() << "\n";
    return 0;
}

int signingKeyRotate(const std::string& db) {
    auto store = openStore(db);
    if (!store) return 1;
    auto secret = store->rotateSigningKey();
    if (!secret) return fail(secret.error());
    auto key = protocol::signingKeyFrom(secret.value());
    if (!key) return fail(key.error());
    std::cout << key->publicKey.encoded() << "\n";
    return 0;
}

}  // namespace homedesk::hq::cli
