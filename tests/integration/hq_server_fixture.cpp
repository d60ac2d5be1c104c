#include "tests/integration/hq_server_fixture.hpp"

#include <chrono>

namespace homedesk::testing {

std::int64_t unixNow() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

HqServer::HqServer(TempDir& dir, TestPki&, const PemPair& cert, const hq::ServerLimits& limits) {
    auto store = hq::SqliteHqStore::open(dir.file("hq.db"));
    REQUIRE(store.ok());
    m_store = std::move(store.value());
    m_hub = std::make_unique<hq::NoticeHub>(*m_store, std::chrono::milliseconds(50));
    m_api = std::make_unique<hq::HqApi>(*m_store, m_hub.get(), unixNow);
    hq::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.cert_file = cert.cert_file;
    options.key_file = cert.key_file;
    options.threads = 4;
    options.limits = limits;
    m_server = std::make_unique<hq::HttpServer>(*m_api, options);
    auto port = m_server->bind();
    REQUIRE(port.ok());
    m_port = port.value();
    m_thread = std::thread([this] { m_server->run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!m_server->running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(m_server->running());
}

HqServer::~HqServer() {
    m_hub->shutdown();
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
}

std::unique_ptr<sync::CurlTransport> HqFixture::transport(sync::TlsPinning tls) {
    if (tls.ca_file.empty()) tls.ca_file = pki.caFile();
    sync::CurlOptions options;
    options.base_url = server.url();
    options.tls = tls;
    options.connect_timeout = std::chrono::milliseconds(10000);  // shared, loaded CI machines
    auto t = sync::CurlTransport::create(options);
    REQUIRE(t.ok());
    return std::move(t.value());
}

HqFixture::Terminal HqFixture::enroll(std::optional<std::string> inBuilding) {
    auto code = server.store().createEnrollCode(community, inBuilding, unixNow() + 600);
    REQUIRE(code.ok());
    Terminal t;
    t.transport = transport();
    t.client = std::make_unique<sync::HqClient>(*t.transport);
    auto enrolled = t.client->enroll({code->code, "大堂", "0.1.0"});
    INFO(enrolled.error.message);
    REQUIRE(enrolled.ok());
    t.enrolled = *enrolled.value;
    t.client->setCredential(t.enrolled.credential);
    return t;
}

std::string HqFixture::publish(const std::string& title, hq::NoticeTarget target) {
    hq::NoticeDraft draft;
    draft.title = title;
    draft.body = title + " — 详情";
    draft.publish_at = unixNow();
    draft.targets = {std::move(target)};
    auto id = server.store().publishNotice(draft, draft.publish_at);
    REQUIRE(id.ok());
    return id.value();
}

protocol::Submission repairItem(const std::string& clientId, const std::string& category) {
    protocol::Submission s;
    s.client_id = clientId;
    s.kind = protocol::SubmissionKind::Repair;
    s.created_at = unixNow();
    s.payload = {{"category", category}, {"location", "3号楼 电梯 2号"}, {"urgent", true}};
    return s;
}

}  // namespace homedesk::testing
