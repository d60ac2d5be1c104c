// A head office without a network: a real SQLite file in a temp dir, HqApi, a movable clock.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "sync/hq/api.hpp"
#include "sync/hq/notice_hub.hpp"
#include "sync/hq/sqlite_hq_store.hpp"
#include "sync/protocol/codec.hpp"
#include "tests/unit/sync/temp_dir.hpp"

namespace homedesk::testing {

struct HqFixture {
    TempDir dir;
    std::int64_t now = 1'790'000'000;
    std::unique_ptr<hq::SqliteHqStore> store;
    std::unique_ptr<hq::NoticeHub> hub;
    std::unique_ptr<hq::HqApi> api;
    std::string community;
    std::string building;

    HqFixture() {
        auto opened = hq::SqliteHqStore::open(dir.file("hq.db"));
        REQUIRE(opened.ok());
        store = std::move(opened.value());
        hub = std::make_unique<hq::NoticeHub>(*store, std::chrono::milliseconds(20));
        api = std::make_unique<hq::HqApi>(*store, hub.get(), [this] { return now; });
        community = store->addCommunity("阳光花园").value();
        building = store->addBuilding(community, "3号楼").value();
    }

    std::string code(std::optional<std::string> inBuilding = std::nullopt) {
        auto c = store->createEnrollCode(community, inBuilding, now + 3600);
        REQUIRE(c.ok());
        return c->code;
    }

    hq::ApiResponse call(const std::string& method, const std::string& path,
                         const std::string& credential = "", const std::string& body = "",
                         std::map<std::string, std::string> query = {}) {
        hq::ApiRequest r{method, "/api/v1" + path, std::move(query),
                         credential.empty() ? "" : "Bearer " + credential, "", body};
        return api->handle(r);
    }

    protocol::EnrollResponse enroll(std::optional<std::string> inBuilding = std::nullopt) {
        auto r = call("POST", "/enroll", "",
                      protocol::encode(protocol::EnrollRequest{code(inBuilding), "lobby", "0.1"}));
        REQUIRE(r.status == 201);
        auto e = protocol::decode<protocol::EnrollResponse>(r.body);
        REQUIRE(e.ok());
        return e.value();
    }
};

// The tracking code a test terminal gives the repair it files as `id` (the resident's proof for
// the callback): 8 digits of the id's hash.
inline std::string trackingCodeOf(const std::string& id) {
    return std::to_string(10'000'000 + std::hash<std::string>{}(id) % 90'000'000);
}

inline protocol::Submission repair(const std::string& id, const std::string& what = "elevator") {
    protocol::Submission s;
    s.client_id = id;
    s.kind = protocol::SubmissionKind::Repair;
    s.created_at = 1'789'999'000;
    s.payload = {{"category", what}, {"tracking_code", trackingCodeOf(id)}};
    return s;
}

template <typename T>
T decoded(const hq::ApiResponse& r) {
    auto d = protocol::decode<T>(r.body);
    INFO(r.body);
    REQUIRE(d.ok());
    return d.value();
}

inline protocol::ErrorCode errorCode(const hq::ApiResponse& r) {
    return decoded<protocol::ErrorBody>(r).error.code;
}

}  // namespace homedesk::testing
