// The service guide's data in the community directory: the demo file, and strictness.
#include <catch2/catch.hpp>

#include "kiosk/core/directory_json.hpp"

using namespace homedesk;

TEST_CASE("the demo community has the service guide in both languages", "[core][guide]") {
    auto d = loadDirectory(std::string(HOMEDESK_SOURCE_DIR) + "/assets/demo/community.json");
    REQUIRE(d.ok());
    CHECK(d->stewards.size() >= 5);
    CHECK_FALSE(d->serviceHours.empty());
    CHECK_FALSE(d->fees.empty());
    CHECK_FALSE(d->emergencyNumbers.empty());
    REQUIRE(d->promises.size() >= 2);
    // The estate's published promise: urgent repairs answered in 30 minutes, normal ones in 24 hours.
    CHECK(d->promises[0].detail.zh == "30分钟内响应");
    CHECK(d->promises[1].detail.zh == "24小时内安排");
    for (const auto* section : {&d->serviceHours, &d->fees, &d->promises})
        for (const auto& row : *section) {
            CHECK_FALSE(row.what.en.empty());
            CHECK_FALSE(row.detail.en.empty());
        }
}

TEST_CASE("a malformed guide section is refused with the path of the bad field", "[core][guide]") {
    const std::string base = R"({"community":{"zh":"小区"},"buildings":[{"id":"b1","name":{"zh":"1号楼"}}],)";
    auto bad = parseDirectory(base + R"("fees":[{"what":{"zh":"物业费"},"detail":"2.5"}]})", "dir");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("fees[0].detail"));
    auto noPhone = parseDirectory(base + R"("emergency_numbers":[{"what":{"zh":"火警"}}]})", "dir");
    REQUIRE_FALSE(noPhone.ok());
    CHECK_THAT(noPhone.error().message, Catch::Contains("emergency_numbers[0].phone"));
    CHECK_FALSE(parseDirectory(base + R"("promises":{"what":1}})", "dir").ok());
    CHECK_FALSE(parseDirectory(base + R"("service_hours":[42]})", "dir").ok());
    auto ok = parseDirectory(base + R"("promises":[{"what":{"zh":"急修","en":"Urgent"},"detail":{"zh":"30分钟"}}]})", "dir");
    REQUIRE(ok.ok());
    CHECK(ok->promises[0].detail.in(Language::English) == "30分钟");  // no translation: the Chinese shows
}
