// The contract in sync/protocol/openapi.yaml held against the code: every schema has an example;
// each example holds its schema's required fields, decodes with the codec both ends use (the
// terminal's client and the head office's handlers call the same protocol::decode/encode), and
// re-encodes with every field it gave unchanged. No YAML library: the examples are one-line
// JSON (valid YAML flow style), read by the few lines below.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sync/protocol/codec.hpp"

using namespace homedesk;
using nlohmann::json;

namespace {

struct Schema {
    std::vector<std::string> required;
    std::string example;  // JSON text
};

// The object schemas under components/schemas (four spaces in), with their own (six spaces
// in) `required` list and `example`.
std::map<std::string, Schema> readSchemas() {
    std::ifstream in(HOMEDESK_SOURCE_DIR "/sync/protocol/openapi.yaml");
    REQUIRE(in);
    std::map<std::string, Schema> schemas;
    std::string line, current;
    bool inSchemas = false;
    while (std::getline(in, line)) {
        if (line == "  schemas:") {
            inSchemas = true;
            continue;
        }
        if (!inSchemas) continue;
        const auto indent = line.find_first_not_of(' ');
        if (indent == 4 && line.back() == ':') {
            current = line.substr(4, line.size() - 5);
            schemas[current];
        } else if (indent == 6 && !current.empty()) {
            const std::string rest = line.substr(6);
            if (rest.rfind("example: ", 0) == 0) schemas[current].example = rest.substr(9);
            if (rest.rfind("required: [", 0) == 0) {
                std::stringstream names(rest.substr(11, rest.find(']') - 11));
                for (std::string name; std::getline(names, name, ',');)
                    schemas[current].required.push_back(name.substr(name.find_first_not_of(' ')));
            }
        }
    }
    return schemas;
}

// Every key and value of `given` is in `encoded` (an encoder may add fields left at a default).
void checkKept(const json& given, const json& encoded, const std::string& path) {
    INFO(path);
    if (given.is_object()) {
        REQUIRE(encoded.is_object());
        for (const auto& [key, value] : given.items()) {
            REQUIRE(encoded.contains(key));
            checkKept(value, encoded[key], path + "." + key);
        }
    } else if (given.is_array()) {
        REQUIRE(encoded.is_array());
        REQUIRE(encoded.size() == given.size());
        for (size_t i = 0; i < given.size(); ++i)
            checkKept(given[i], encoded[i], path + "[" + std::to_string(i) + "]");
    } else {
        CHECK(encoded == given);
    }
}

template <typename T>
void roundTrip(const std::string& name, const std::string& example) {
    INFO(name << ": " << example);
    auto decoded = protocol::decode<T>(example);
    if (!decoded) FAIL(decoded.error().message);
    const json encoded = json::parse(protocol::encode(decoded.value()));
    checkKept(json::parse(example), encoded, name);
    // And what was encoded decodes again to the same text.
    auto again = protocol::decode<T>(encoded.dump());
    REQUIRE(again.ok());
    CHECK(protocol::encode(again.value()) == encoded.dump());
}

using RoundTrip = void (*)(const std::string&, const std::string&);
const std::map<std::string, RoundTrip> kCodecs = {
    {"ErrorBody", roundTrip<protocol::ErrorBody>},
    {"EnrollRequest", roundTrip<protocol::EnrollRequest>},
    {"EnrollResponse", roundTrip<protocol::EnrollResponse>},
    {"Submission", roundTrip<protocol::Submission>},
    {"SubmissionBatch", roundTrip<protocol::SubmissionBatch>},
    {"SubmissionResult", roundTrip<protocol::SubmissionResult>},
    {"SubmissionBatchResult", roundTrip<protocol::SubmissionBatchResult>},
    {"Notice", roundTrip<protocol::Notice>},
    {"NoticeFeed", roundTrip<protocol::NoticeFeed>},
    {"TicketStatusChange", roundTrip<protocol::TicketStatusChange>},
    {"TicketStatusFeed", roundTrip<protocol::TicketStatusFeed>},
    {"TerminalConfig", roundTrip<protocol::TerminalConfig>},
    {"Heartbeat", roundTrip<protocol::Heartbeat>},
    {"HeartbeatAck", roundTrip<protocol::HeartbeatAck>},
};

}  // namespace

TEST_CASE("every message schema in openapi.yaml has an example with its required fields",
          "[protocol][contract]") {
    const auto schemas = readSchemas();
    for (const auto& [name, codec] : kCodecs) {
        INFO(name);
        REQUIRE(schemas.count(name) == 1);
        const Schema& s = schemas.at(name);
        REQUIRE_FALSE(s.example.empty());
        REQUIRE_FALSE(s.required.empty());
        const json example = json::parse(s.example);
        for (const auto& field : s.required) {
            INFO(field);
            CHECK(example.contains(field));
        }
    }
    // A schema with an example the test does not know would go unchecked: name it here.
    for (const auto& [name, s] : schemas)
        if (!s.example.empty()) CHECK(kCodecs.count(name) == 1);
}

TEST_CASE("every example in openapi.yaml decodes and re-encodes unchanged", "[protocol][contract]") {
    const auto schemas = readSchemas();
    for (const auto& [name, codec] : kCodecs) codec(name, schemas.at(name).example);
}

TEST_CASE("an example that breaks the contract is refused by the codec", "[protocol][contract]") {
    // The same reading, fed a wrong word: the check above is able to fail.
    json bad = json::parse(readSchemas().at("TicketStatusChange").example);
    bad["status"] = "finished";
    CHECK_FALSE(protocol::decode<protocol::TicketStatusChange>(bad.dump()).ok());
}
