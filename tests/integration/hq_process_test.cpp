#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <future>
#include <iterator>
#include <thread>

#include "sync/protocol/qr_token.hpp"
#include "tests/integration/hq_server_fixture.hpp"
#include "tests/integration/loopback_port.hpp"

using namespace homedesk;
using namespace homedesk::testing;

namespace {

// Runs the homedesk-hq binary to completion; returns its exit code and stdout.
std::pair<int, std::string> runHq(const std::string& db, const std::string& args,
                                  const std::string& input = "") {
    const std::string command = std::string(HOMEDESK_HQ_BINARY) + " --db '" + db + "' " + args +
                                (input.empty() ? " </dev/null" : "");
    FILE* pipe = ::popen(
        (input.empty() ? command : "printf '%s\\n' '" + input + "' | " + command).c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    const int status = ::pclose(pipe);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// `homedesk-hq -v serve` in a child process, its log (stdout and stderr) in `logFile`.
class ServeProcess {
  public:
    ServeProcess(const std::string& db, const PemPair& cert, int port, const std::string& logFile)
        : m_logFile(logFile) {
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (log < 0 || ::dup2(log, 1) < 0 || ::dup2(log, 2) < 0) ::_exit(126);
            const std::string portText = std::to_string(port);
            ::execl(HOMEDESK_HQ_BINARY, HOMEDESK_HQ_BINARY, "-v", "--db", db.c_str(), "serve",
                    "--host", "127.0.0.1", "--port", portText.c_str(), "--cert",
                    cert.cert_file.c_str(), "--key", cert.key_file.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    // Waits until the log holds `needle` at least `count` times (the office's own word that
    // something happened inside it); false at the deadline.
    bool waitForLog(const std::string& needle, int count, std::chrono::seconds limit) const {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            std::ifstream in(m_logFile);
            const std::string log((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
            int seen = 0;
            for (auto at = log.find(needle); at != std::string::npos;
                 at = log.find(needle, at + needle.size()))
                ++seen;
            if (seen >= count) return true;
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling the file
        }
    }
    ~ServeProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    int stop() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    std::string m_logFile;
    pid_t m_pid = -1;
    bool m_reaped = false;
};

}  // namespace

TEST_CASE("homedesk-hq set up from its command line serves a terminal and stops on SIGTERM",
          "[integration][cli]") {
    TempDir dir;
    TestPki pki(dir.path().string());
    const PemPair cert = pki.server("hq", {"IP:127.0.0.1"});
    const std::string db = dir.file("hq.db");

    auto [rc1, community] = runHq(db, "community add --name 'Sunny Garden'");
    REQUIRE(rc1 == 0);
    auto [rc2, building] = runHq(db, "building add --community " + community + " --name B3");
    REQUIRE(rc2 == 0);
    auto [rc3, codes] = runHq(db, "enroll-code create --community " + community + " --building " +
                                      building + " --hq-url https://127.0.0.1:8443");
    REQUIRE(rc3 == 0);
    const std::string code = codes.substr(0, codes.find('\n'));
    const std::string token = codes.substr(codes.find('\n') + 1);
    CHECK(token.rfind("HD1.en.", 0) == 0);
    CHECK(runHq(db, "staff add --username wang --role notice-editor --communities " + community,
                "long enough password")
              .first == 0);
    CHECK(runHq(db, "staff add --username li --role emperor --communities '*'",
                "long enough password")
              .first != 0);
    CHECK(runHq(db, "staff add --username li --role desk --communities nowhere",
                "long enough password")
              .first != 0);
    auto [rcStaff, staffList] = runHq(db, "staff list");
    CHECK(rcStaff == 0);
    CHECK(staffList == "wang\tnotice_editor\t" + community + "\t-\tactive");
    CHECK(runHq(db, "notice publish --title x --target nowhere:1").first != 0);

    // The enrollment token verifies with the key the office prints.
    auto [rc4, publicKey] = runHq(db, "signing-key show");
    REQUIRE(rc4 == 0);
    auto claims =
        protocol::verifyToken(token, protocol::publicKeyFrom(publicKey).value(), unixNow());
    REQUIRE(claims.ok());
    CHECK(claims->data.at("code") == code);

    const int port = freeLoopbackPort();
    ServeProcess serve(db, cert, port, dir.file("serve.log"));
    sync::CurlOptions options;
    options.base_url = "https://127.0.0.1:" + std::to_string(port);
    options.tls.ca_file = pki.caFile();
    auto transport = sync::CurlTransport::create(options).value();
    sync::HqClient client(*transport);
    sync::ApiResult<protocol::EnrollResponse> enrolled;
    for (int attempt = 0; attempt < 100 && !enrolled.ok(); ++attempt) {
        enrolled = client.enroll({code, "lobby", "0.1.0"});
        if (!enrolled.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(enrolled.error.message);
    REQUIRE(enrolled.ok());
    client.setCredential(enrolled.value->credential);

    // A notice published by another process wakes the waiting terminal.
    auto start = client.notices("", 0);
    REQUIRE(start.ok());
    // The first read (no wait) answered at once; this one parks until something changes.
    auto waiting =
        std::async(std::launch::async, [&] { return client.notices(start.value->cursor, 20); });
    REQUIRE(serve.waitForLog("notice long-poll parked", 1, std::chrono::seconds(10)));
    const auto published = std::chrono::steady_clock::now();
    auto [rc5, noticeId] = runHq(db,
                                 "notice publish --title 'Water off 9-12' --category outage "
                                 "--target building:" +
                                     building);
    REQUIRE(rc5 == 0);
    auto feed = waiting.get();
    REQUIRE(feed.ok());
    REQUIRE(feed.value->changes.size() == 1);
    CHECK(feed.value->changes[0].id == noticeId);
    CHECK(feed.value->changes[0].category == protocol::NoticeCategory::Outage);
    CHECK(std::chrono::steady_clock::now() - published < std::chrono::seconds(3));

    // A repair resolved from the command line, then its callback scored 1: staff see the
    // follow-up in `ticket list --open`, due in 24 hours.
    protocol::Submission repair;
    repair.client_id = "cli-repair-0001";
    repair.kind = protocol::SubmissionKind::Repair;
    repair.created_at = unixNow();
    repair.payload = {{"category", "elevator"}, {"tracking_code", "52810034"}};
    auto filed = client.submit({{repair}});
    REQUIRE(filed.ok());
    const std::string number = filed.value->results.at(0).ticket_number.value_or("");
    REQUIRE(runHq(db, "ticket status --number " + number + " --status resolved --note 'door fixed'")
                .first == 0);
    protocol::Submission callback = repair;
    callback.client_id = "cli-survey-0001";
    callback.kind = protocol::SubmissionKind::Survey;
    callback.payload = {{"survey_id", "standing"},
                        {"ticket_number", number},
                        {"tracking_code", "52810034"},
                        {"answers", {{"scores", {{"repair", 1}}}}}};
    REQUIRE(client.submit({{callback}}).ok());
    auto [rcList, open] = runHq(db, "ticket list --open");
    REQUIRE(rcList == 0);
    INFO(open);
    CHECK(open.rfind("F-", 0) == 0);
    CHECK(open.find("followup\tsubmitted\tdue 20") != std::string::npos);
    CHECK(open.find("follows " + number) != std::string::npos);
    CHECK(open.find(number + "\trepair") == std::string::npos);  // the repair itself is closed
    auto [rcAll, all] = runHq(db, "ticket list");
    REQUIRE(rcAll == 0);
    CHECK(all.find(number + "\trepair\tcallback_done") != std::string::npos);

    // Revoked from the command line while serving.
    auto [rc6, listed] = runHq(db, "terminal list");
    REQUIRE(rc6 == 0);
    CHECK(listed.find(enrolled.value->terminal_id) != std::string::npos);
    REQUIRE(runHq(db, "terminal revoke --id " + enrolled.value->terminal_id).first == 0);
    CHECK(client.config().status == 401);

    // Stops cleanly even with the terminal's connection still open.
    const auto stopping = std::chrono::steady_clock::now();
    CHECK(serve.stop() == 0);
    CHECK(std::chrono::steady_clock::now() - stopping < std::chrono::seconds(8));
}

TEST_CASE("homedesk-hq refuses to serve without a usable certificate", "[integration][cli]") {
    TempDir dir;
    const std::string db = dir.file("hq.db");
    const std::string args = "serve --host 127.0.0.1 --port " + std::to_string(freeLoopbackPort()) +
                             " --cert " + dir.file("missing.crt") + " --key " +
                             dir.file("missing.key");
    CHECK(runHq(db, args + " 2>/dev/null").first == 1);
}
