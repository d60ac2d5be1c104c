#include <catch2/catch.hpp>

#include <set>

#include "sync/client/backoff.hpp"

using homedesk::sync::Backoff;
using std::chrono::milliseconds;

TEST_CASE("backoff waits a random time under a ceiling that doubles up to the cap",
          "[sync][backoff]") {
    Backoff backoff(milliseconds(100), milliseconds(5000), 42);
    const std::int64_t ceilings[] = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
    for (std::int64_t ceiling : ceilings) {
        CHECK(backoff.ceiling().count() == ceiling);
        const auto wait = backoff.next();
        CHECK(wait.count() >= 0);
        CHECK(wait.count() <= ceiling);
    }
    backoff.reset();
    CHECK(backoff.ceiling().count() == 100);
    CHECK(backoff.failures() == 0);
}

TEST_CASE("backoff is jittered: terminals with other seeds do not retry in step",
          "[sync][backoff]") {
    std::set<std::int64_t> waits;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Backoff backoff(milliseconds(1000), milliseconds(60000), seed);
        for (int i = 0; i < 5; ++i) backoff.next();
        waits.insert(backoff.next().count());
    }
    CHECK(waits.size() >= 15);
}

TEST_CASE("backoff survives very many failures without overflow", "[sync][backoff]") {
    Backoff backoff(milliseconds(1000), milliseconds(300000), 7);
    for (int i = 0; i < 10000; ++i) CHECK(backoff.next().count() <= 300000);
    CHECK(backoff.ceiling().count() == 300000);
}
