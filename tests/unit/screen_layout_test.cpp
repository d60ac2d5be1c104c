// The layout math of the track timeline and the notices list, with real screen values (no
// ImGui context: the helpers take measured sizes, not fonts).
#include <catch2/catch.hpp>
#include <map>

#include "kiosk/ui/screens/notices_screen_layout.hpp"
#include "kiosk/ui/screens/track_screen_layout.hpp"

using namespace homedesk::ui;

TEST_CASE("timeline columns split the stages and leave room for the dot", "[ui][layout][track]") {
    // Six stages on a 1000 px body, 20 px gaps, a 30 px dot.
    const TimelineColumns one = timelineColumns(6, 1, 1000, 20, 30);
    CHECK(one.perColumn == 6);
    CHECK(one.colW == Approx(1000));
    CHECK(one.lineW == Approx(950));
    const TimelineColumns two = timelineColumns(6, 2, 1000, 20, 30);
    CHECK(two.perColumn == 3);
    CHECK(two.colW == Approx(480));  // two gaps between the columns
    CHECK(two.lineW == Approx(430));
    const TimelineColumns three = timelineColumns(6, 3, 1000, 20, 30);
    CHECK(three.perColumn == 2);
    CHECK(three.colW == Approx(920.0f / 3));
    CHECK(timelineColumns(5, 2, 1000, 20, 30).perColumn == 3);  // the last column holds fewer
}

TEST_CASE("the timeline goes to two columns only on a screen much wider than tall",
          "[ui][layout][track]") {
    CHECK(wideTimelineColumns(1920, 900) == 2);   // landscape body
    CHECK(wideTimelineColumns(1000, 1500) == 1);  // portrait body
    CHECK(wideTimelineColumns(1500, 1000) == 1);  // 1.5 is not wider than 1.5
}

TEST_CASE("the timeline takes the largest type that fits, then one column more",
          "[ui][layout][track]") {
    // Heights a portrait body measured: two columns need about half of one column's height.
    const std::map<FontRole, float> oneColumn{{FontRole::Display, 900},
                                              {FontRole::Title, 700},
                                              {FontRole::Strong, 500},
                                              {FontRole::Body, 400}};
    const auto heightOf = [&](FontRole r, int cols) { return oneColumn.at(r) / cols; };
    CHECK(chooseTimelineLayout(1, 1000, heightOf) == std::pair{1, FontRole::Display});
    CHECK(chooseTimelineLayout(1, 600, heightOf) == std::pair{1, FontRole::Strong});
    // Fewer columns come first: body text in one column before display type in two.
    CHECK(chooseTimelineLayout(1, 460, heightOf) == std::pair{1, FontRole::Body});
    CHECK(chooseTimelineLayout(1, 380, heightOf) == std::pair{2, FontRole::Title});
    CHECK(chooseTimelineLayout(2, 190, heightOf) == std::pair{3, FontRole::Strong});
    // Nothing fits: the smallest type in the widest layout.
    CHECK(chooseTimelineLayout(1, 100, heightOf) == std::pair{2, FontRole::Body});
}

TEST_CASE("notice chips take as many a row as their labels allow, at least two",
          "[ui][layout][notices]") {
    // All, outage, finance, event, general: label widths in px, 16 px padding, 20 px gaps.
    const std::vector<float> labels{60, 100, 80, 90, 70};
    CHECK(chipColumns(labels, 1000, 20, 16) == 5);  // 184 px a chip holds 100 + 32
    CHECK(chipColumns(labels, 500, 20, 16) == 3);   // 110 px is too narrow, 153 px is not
    CHECK(chipColumns(labels, 200, 20, 16) == 2);   // never fewer than two, even cut
}

TEST_CASE("notice pages hold whole rows and a tall row gets a page of its own",
          "[ui][layout][notices]") {
    CHECK(pageStarts({100, 100, 100, 100}, 250, 20) == std::vector<std::size_t>{0, 2});
    CHECK(pageStarts({100, 100, 100, 100}, 500, 20) == std::vector<std::size_t>{0});
    CHECK(pageStarts({300, 50, 50}, 200, 20) == std::vector<std::size_t>{0, 1});
    CHECK(pageStarts({}, 200, 20) == std::vector<std::size_t>{0});
}
