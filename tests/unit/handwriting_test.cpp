// The handwriting adapter against the real zinnia and Debian's simplified-Chinese model, with
// characters written by the test from known coordinates (a box of 0..1).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "platform/zinnia/zinnia_handwriting.hpp"

using namespace homedesk::platform;

namespace {
// A stroke through the given corners, with points every 0.02 as a finger would leave them.
InkStroke stroke(std::initializer_list<InkPoint> corners) {
    InkStroke out;
    const InkPoint* prev = nullptr;
    for (const InkPoint& p : corners) {
        if (prev) {
            const float len = std::hypot(p.x - prev->x, p.y - prev->y);
            const int steps = std::max(1, static_cast<int>(len / 0.02f));
            for (int i = 1; i <= steps; ++i)
                out.push_back({prev->x + (p.x - prev->x) * i / steps, prev->y + (p.y - prev->y) * i / steps});
        } else {
            out.push_back(p);
        }
        prev = &p;
    }
    return out;
}
std::vector<std::string> recognize(const std::vector<InkStroke>& strokes) {
    static const auto hw = ZinniaHandwriting::create();
    REQUIRE(hw.ok());
    return hw.value()->recognize(strokes, 5);
}
bool among(const std::vector<std::string>& list, const std::string& c) {
    return std::find(list.begin(), list.end(), c) != list.end();
}
}  // namespace

TEST_CASE("zinnia reads characters written stroke by stroke", "[platform][handwriting]") {
    const InkStroke heng = stroke({{0.15f, 0.5f}, {0.85f, 0.5f}});
    CHECK(among(recognize({heng}), "一"));
    CHECK(among(recognize({stroke({{0.15f, 0.45f}, {0.85f, 0.45f}}), stroke({{0.5f, 0.1f}, {0.5f, 0.9f}})}), "十"));
    // 口 written as large as the box reads as the enclosure 囗; at a character's size it is 口.
    CHECK(among(recognize({stroke({{0.33f, 0.35f}, {0.33f, 0.7f}}),
                           stroke({{0.33f, 0.35f}, {0.67f, 0.35f}, {0.67f, 0.7f}}),
                           stroke({{0.33f, 0.68f}, {0.67f, 0.68f}})}),
                "口"));
    CHECK(among(recognize({stroke({{0.5f, 0.1f}, {0.45f, 0.45f}, {0.15f, 0.9f}}),
                           stroke({{0.47f, 0.4f}, {0.85f, 0.9f}})}),
                "人"));
    // The model learnt 水 with the left ㇇ before the vertical hook (as many people write it).
    CHECK(recognize({stroke({{0.15f, 0.35f}, {0.4f, 0.35f}, {0.15f, 0.75f}}),
                     stroke({{0.5f, 0.1f}, {0.5f, 0.9f}, {0.43f, 0.85f}}),
                     stroke({{0.8f, 0.25f}, {0.52f, 0.48f}}),
                     stroke({{0.52f, 0.48f}, {0.85f, 0.85f}})})[0] == "水");
}

TEST_CASE("the candidates follow each stroke and nothing is read from no ink", "[platform][handwriting]") {
    const InkStroke heng = stroke({{0.15f, 0.45f}, {0.85f, 0.45f}});
    const auto one = recognize({heng});
    const auto two = recognize({heng, stroke({{0.5f, 0.1f}, {0.5f, 0.9f}})});
    REQUIRE(one.size() == 5);
    CHECK(one != two);
    CHECK(recognize({}).empty());
}

TEST_CASE("a missing model is refused as a value", "[platform][handwriting]") {
    auto hw = ZinniaHandwriting::create("/nonexistent/model");
    CHECK_FALSE(hw.ok());
}
