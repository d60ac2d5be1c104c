// The credential from enrollment: kept in the data folder with mode 0600, replaced atomically,
// refused when others may read it.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "kiosk/app/enrollment_file.hpp"
#include "tests/unit/sync/temp_dir.hpp"

using namespace homedesk;

TEST_CASE("an enrollment is stored 0600 in the data folder and read back", "[app][enrollment]") {
    testing::TempDir dir;
    const std::string data = dir.path().string();
    auto none = app::readEnrollment(data);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    app::Enrollment e{"https://hq.example.com:8443", "t0123456789", "secret-credential", "c1", "阳光花园", "pk", 1700000000};
    REQUIRE(app::writeEnrollment(data, e).ok());
    struct stat st {};
    REQUIRE(::stat(app::enrollmentPath(data).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(std::filesystem::exists(app::enrollmentPath(data) + ".tmp"));

    auto read = app::readEnrollment(data);
    REQUIRE(read.ok());
    REQUIRE(read->has_value());
    CHECK((*read)->hqUrl == e.hqUrl);
    CHECK((*read)->terminalId == e.terminalId);
    CHECK((*read)->credential == e.credential);
    CHECK((*read)->communityName == "阳光花园");
    CHECK((*read)->enrolledAt == 1700000000);

    // Enrolling again (after a revocation) replaces it.
    e.credential = "another";
    REQUIRE(app::writeEnrollment(data, e).ok());
    CHECK(app::readEnrollment(data).value()->credential == "another");
}

TEST_CASE("a credential file others may read, or one that is not a record, is refused", "[app][enrollment]") {
    testing::TempDir dir;
    const std::string data = dir.path().string();
    REQUIRE(app::writeEnrollment(data, {"https://hq", "t1", "secret", "", "", "", 0}).ok());
    REQUIRE(::chmod(app::enrollmentPath(data).c_str(), 0644) == 0);
    auto open = app::readEnrollment(data);
    REQUIRE_FALSE(open.ok());
    CHECK_THAT(open.error().message, Catch::Contains("chmod 600"));

    std::filesystem::remove(app::enrollmentPath(data));
    { std::ofstream(app::enrollmentPath(data)) << "{\"hq_url\": 3}"; }
    REQUIRE(::chmod(app::enrollmentPath(data).c_str(), 0600) == 0);
    auto junk = app::readEnrollment(data);
    REQUIRE_FALSE(junk.ok());
    CHECK_THAT(junk.error().message, Catch::Contains("--enroll"));
}
