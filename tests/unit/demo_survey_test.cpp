// The demo standing survey on a real SQLite file: stored once on first start, never over a
// definition the head office sent, and the shipped file is a valid definition.
#include <catch2/catch.hpp>

#include <fstream>

#include "kiosk/app/demo_survey.hpp"
#include "kiosk/core/survey.hpp"
#include "tests/unit/sync/temp_dir.hpp"
#include "tests/unit/store/own_db.hpp"

using namespace homedesk;

namespace {
const std::string kDemo = HOMEDESK_SOURCE_DIR "/assets/demo/survey.json";
}

TEST_CASE("the demo survey is stored once when the store has none", "[app][survey]") {
    testing::TempDir dir;
    auto surveys = homedesk::store::testing::openSurveys(dir.file("homedesk.db"));
    REQUIRE(surveys.ok());
    auto first = app::seedSurveyIfMissing(*surveys, kDemo, 1000);
    REQUIRE(first.ok());
    CHECK(*first);
    auto again = app::seedSurveyIfMissing(*surveys, kDemo, 2000);
    REQUIRE(again.ok());
    CHECK_FALSE(*again);

    auto stored = surveys->latest("standing");
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    const auto& s = **stored;
    CHECK(s.title == "满意度评价");
    auto parsed = parseSurveyDefinition(s.id, s.version, {s.title, s.titleEn}, s.definitionJson);
    REQUIRE(parsed.ok());
    std::vector<std::string> ids, names;
    for (const auto& d : parsed->dimensions) {
        ids.push_back(d.id);
        names.push_back(d.name.zh);
        CHECK(d.followUps.size() >= 3);  // a low score always has choices
        CHECK_FALSE(d.name.en.empty());
    }
    CHECK(ids == std::vector<std::string>{"environment", "repair", "security", "facilities", "communication", "fees"});
    CHECK(names == std::vector<std::string>{"物业环境", "维修服务", "安保措施", "公共设施", "物业沟通", "收费合理性"});
    CHECK(parsed->suggestion);
}

TEST_CASE("a survey from the head office is not replaced by the demo", "[app][survey]") {
    testing::TempDir dir;
    auto surveys = homedesk::store::testing::openSurveys(dir.file("homedesk.db"));
    REQUIRE(surveys.ok());
    REQUIRE(surveys->saveDefinition({"standing", 7, "业主满意度", "Residents' survey",
                                     R"({"dimensions":[{"id":"x","name":{"zh":"甲"}}]})"}, 5).ok());
    auto seeded = app::seedSurveyIfMissing(*surveys, kDemo, 10);
    REQUIRE(seeded.ok());
    CHECK_FALSE(*seeded);
    auto stored = surveys->latest("standing");
    REQUIRE(stored.ok());
    CHECK((*stored)->version == 7);
}

TEST_CASE("a missing or broken demo file is an error, and nothing is stored", "[app][survey]") {
    testing::TempDir dir;
    auto surveys = homedesk::store::testing::openSurveys(dir.file("homedesk.db"));
    REQUIRE(surveys.ok());
    CHECK_FALSE(app::seedSurveyIfMissing(*surveys, dir.file("nope.json"), 1).ok());
    std::ofstream(dir.file("bad.json")) << R"({"id":"standing","version":1,"title":{"zh":"x"},"definition":{"dimensions":[]}})";
    auto bad = app::seedSurveyIfMissing(*surveys, dir.file("bad.json"), 1);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("dimensions"));
    auto stored = surveys->latest("standing");
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->has_value());
}
