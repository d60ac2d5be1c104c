// Notices: which are current and in what order, the filter, the detail's pages, the idle show
// (attract loop timing, emergency takeover) and the display records they ask for.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/notices_flow.hpp"

using namespace homedesk;

namespace {
Notice notice(std::string id, std::int64_t publish, std::optional<std::int64_t> expire = std::nullopt,
              NoticeCategory c = NoticeCategory::General, bool emergency = false, bool pinned = false) {
    Notice n;
    n.id = std::move(id);
    n.title = {"标题 " + n.id, "Title " + n.id};
    n.body = {"正文", "Body"};
    n.category = c;
    n.publishAt = publish;
    n.expireAt = expire;
    n.emergency = emergency;
    n.pinned = pinned;
    return n;
}
std::vector<std::string> ids(const std::vector<Notice>& list) {
    std::vector<std::string> out;
    for (const auto& n : list) out.push_back(n.id);
    return out;
}
}  // namespace

TEST_CASE("current notices: emergency, then pinned, then newest, only publish <= now < expiry", "[core][notices]") {
    const std::vector<Notice> all = {
        notice("old", 100),
        notice("new", 300),
        notice("pinned", 50, std::nullopt, NoticeCategory::General, false, true),
        notice("outage", 200, 2000, NoticeCategory::Outage, true),
        notice("expired", 10, 1000),
        notice("future", 1001),
        notice("ends-now", 10, 1000),
    };
    CHECK(ids(currentNotices(all, 1000)) == std::vector<std::string>{"outage", "pinned", "new", "old"});
    CHECK(ids(currentNotices(all, 1001)) == std::vector<std::string>{"outage", "pinned", "future", "new", "old"});
    CHECK(ids(currentNotices(all, 999)) == std::vector<std::string>{"outage", "pinned", "new", "old", "ends-now", "expired"});
    CHECK(ids(currentNotices(all, 2000)) == std::vector<std::string>{"pinned", "future", "new", "old"});
    REQUIRE(activeEmergency(all, 1500));
    CHECK(activeEmergency(all, 1500)->id == "outage");
    CHECK_FALSE(activeEmergency(all, 2000));
    CHECK_FALSE(activeEmergency(all, 100));  // not published yet
}

TEST_CASE("the category filter keeps the order and shows only that category", "[core][notices]") {
    const auto current = currentNotices({notice("a", 1, std::nullopt, NoticeCategory::Event), notice("b", 2, std::nullopt, NoticeCategory::Finance),
                                         notice("c", 3, std::nullopt, NoticeCategory::Event)},
                                        10);
    const auto events = filtered(current, NoticeCategory::Event);
    REQUIRE(events.size() == 2);
    CHECK(events[0]->id == "c");
    CHECK(events[1]->id == "a");
    CHECK(filtered(current, NoticeCategory::Outage).empty());
    CHECK(filtered(current, std::nullopt).size() == 3);
}

TEST_CASE("the notices flow: filter, detail with a display record, pages, Back", "[core][notices]") {
    const auto current = currentNotices({notice("a", 1), notice("b", 2, std::nullopt, NoticeCategory::Finance)}, 10);
    NoticesFlow f;
    f.setFilter(NoticeCategory::Finance);
    CHECK(f.filter() == NoticeCategory::Finance);
    f.pageDown(3);
    CHECK(f.page() == 1);
    CHECK_FALSE(f.open(current, "missing"));
    const auto record = f.open(current, "b");
    REQUIRE(record);
    CHECK(record->noticeId == "b");
    CHECK(record->context == "detail");
    CHECK(f.inDetail());
    CHECK(f.page() == 0);
    f.pageDown(2);
    f.pageDown(2);  // the last page stays
    CHECK(f.page() == 1);
    f.pageUp();
    f.pageUp();
    CHECK(f.page() == 0);
    CHECK(f.back());
    CHECK_FALSE(f.inDetail());
    CHECK(f.page() == 1);  // the list page is kept
    CHECK_FALSE(f.back());
    // A notice that stops being current closes its detail.
    f.open(current, "a");
    f.noticesChanged(currentNotices({notice("b", 2)}, 10));
    CHECK_FALSE(f.inDetail());
}

TEST_CASE("the attract loop shows each current notice for a slide and records it once per five minutes", "[core][notices][idle]") {
    const auto current = currentNotices({notice("a", 2), notice("b", 1)}, 10);
    IdleShow show;
    auto records = show.update(0, current);
    CHECK(show.mode() == IdleShow::Mode::Attract);
    CHECK(show.noticeId() == "a");
    REQUIRE(records.size() == 1);
    CHECK(records[0].context == "attract");
    CHECK(records[0].shownMs == IdleShow::kSlideMs);
    CHECK(show.update(IdleShow::kSlideMs - 1, current).empty());
    CHECK(show.noticeId() == "a");
    CHECK(show.nextChangeMs() == IdleShow::kSlideMs);
    records = show.update(IdleShow::kSlideMs, current);
    CHECK(show.noticeId() == "b");
    CHECK(records.size() == 1);
    records = show.update(2 * IdleShow::kSlideMs, current);
    CHECK(show.noticeId() == "a");  // round again
    CHECK(records.empty());         // "a" was recorded less than five minutes ago
    records = show.update(2 * IdleShow::kSlideMs + IdleShow::kRecordEveryMs, current);
    CHECK(show.noticeId() == "b");
    CHECK(records.size() == 1);  // five minutes after its last record
    show.stop();
    CHECK_FALSE(show.showing());
    CHECK_FALSE(show.nextChangeMs());
}

TEST_CASE("an emergency notice takes over the idle show and nothing else shows", "[core][notices][idle]") {
    std::vector<Notice> all = {notice("a", 2), notice("b", 1)};
    IdleShow show;
    show.update(0, currentNotices(all, 10));
    CHECK(show.mode() == IdleShow::Mode::Attract);
    all.push_back(notice("water", 5, 100, NoticeCategory::Outage, true));
    auto records = show.update(1000, currentNotices(all, 10));
    CHECK(show.mode() == IdleShow::Mode::Takeover);
    CHECK(show.noticeId() == "water");
    REQUIRE(records.size() == 1);
    CHECK(records[0].context == "takeover");
    show.update(1000 + 5 * IdleShow::kSlideMs, currentNotices(all, 10));
    CHECK(show.noticeId() == "water");  // the only emergency stays up
    // When it expires, the loop of the others returns; with no notices at all, nothing shows.
    show.update(100000, currentNotices(all, 100));
    CHECK(show.mode() == IdleShow::Mode::Attract);
    show.update(200000, {});
    CHECK_FALSE(show.showing());
}

TEST_CASE("kiosk state: the emergency banner opens its notice, Wake goes Home, the wipe clears notices", "[core][notices]") {
    KioskState s;
    noticesLoaded(s, {notice("a", 1), notice("water", 5, 100, NoticeCategory::Outage, true)}, 10);
    const ApplyContext at10{10, ""};
    CHECK(apply(s, intent::Notices{intent::Notices::Kind::OpenEmergency}, at10).screen);
    CHECK(s.screen() == ScreenId::Notices);
    REQUIRE(s.flow<NoticesFlow>());
    CHECK(s.flow<NoticesFlow>()->openId() == "water");
    REQUIRE(s.effects.size() == 1);
    CHECK(std::get<effect::RecordDisplay>(s.effects[0]).context == "detail");
    s.effects.clear();
    apply(s, intent::Back{}, at10);  // detail → list
    CHECK(s.screen() == ScreenId::Notices);
    CHECK_FALSE(s.flow<NoticesFlow>()->inDetail());
    apply(s, intent::Notices{intent::Notices::Kind::Filter, "", NoticeCategory::Event}, at10);
    CHECK(s.flow<NoticesFlow>()->filter() == NoticeCategory::Event);
    apply(s, intent::Back{}, at10);
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<NoticesFlow>());

    // The idle show, then a touch: Home, show stopped.
    CHECK(updateIdleShow(s, 0, 10).screen);
    CHECK(s.idleShow.mode() == IdleShow::Mode::Takeover);
    CHECK(apply(s, intent::Wake{}, at10).screen);
    CHECK_FALSE(s.idleShow.showing());
    CHECK(s.atHome());

    // Mid-detail, the idle wipe clears the flow.
    apply(s, intent::Open{ScreenId::Notices}, at10);
    apply(s, intent::Notices{intent::Notices::Kind::Open, "a"}, at10);
    wipe(s);
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<NoticesFlow>());
    CHECK(s.effects.empty());
}

TEST_CASE("the demo notice file parses, and a malformed feed is refused with the field's path", "[core][notices]") {
    std::ifstream in(std::string(HOMEDESK_SOURCE_DIR) + "/assets/demo/notices.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto demo = parseNoticeFeed(buffer.str(), "notices.json");
    REQUIRE(demo.ok());
    int emergencies = 0, pinned = 0;
    std::set<NoticeCategory> categories;
    for (const auto& n : *demo) {
        emergencies += n.emergency;
        pinned += n.pinned;
        categories.insert(n.category);
        CHECK_FALSE(n.title.en.empty());
        CHECK_FALSE(n.body.en.empty());
    }
    CHECK(emergencies == 1);
    CHECK(pinned == 1);
    CHECK(categories.size() == 4);

    auto bad = parseNoticeFeed(R"({"changes":[{"id":"x","title":"t","category":"weather"}]})", "feed");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("changes[0].category"));
    CHECK_FALSE(parseNoticeFeed(R"({"changes":[{"id":"x"}]})", "feed").ok());  // no title
    CHECK_FALSE(parseNoticeFeed("\xff\xfe", "feed").ok());
    CHECK_FALSE(parseNoticeFeed(R"({"changes":[{"id":"x","title":"\u0000t","publish_at":-5}]})", "feed").ok());
}
