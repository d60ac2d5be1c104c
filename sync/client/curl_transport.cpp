#include "sync/client/curl_transport.hpp"

#include <curl/curl.h>

#include <atomic>
#include <mutex>

#include "sync/protocol/version.hpp"

namespace homedesk::sync {
namespace {

using protocol::ErrorCode;

std::once_flag g_curlInit;

size_t collect(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    // The head office never sends more than a request may hold; stop a runaway body.
    if (body->size() + size * count > 4 * protocol::kMaxRequestBytes) return 0;
    body->append(data, size * count);
    return size * count;
}

ErrorCode classify(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: return ErrorCode::Timeout;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE: return ErrorCode::Tls;
        case CURLE_WRITE_ERROR:
        case CURLE_BAD_CONTENT_ENCODING: return ErrorCode::BadResponse;
        default: return ErrorCode::Network;
    }
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

}  // namespace

struct CurlTransport::Impl {
    std::atomic<bool> aborted{false};
    CurlOptions options;
    CURL* easy = nullptr;  // kept between requests: connection reuse
    char errorText[CURL_ERROR_SIZE] = {};
};

Result<std::unique_ptr<CurlTransport>> CurlTransport::create(CurlOptions options) {
    if (options.base_url.rfind("https://", 0) != 0)
        return invalidInput("sync transport", "the head office URL must start with https://");
    // The pin narrows the CA check, it does not replace it: verification stays on either way.
    if (options.tls.ca_file.empty())
        return invalidInput("sync transport", "the head office's CA file is required");
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CurlTransport> transport(new CurlTransport(std::move(options)));
    if (!transport->m_impl->easy) return ioError("sync transport", "curl_easy_init failed");
    return transport;
}

CurlTransport::CurlTransport(CurlOptions options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = std::move(options);
    m_impl->easy = curl_easy_init();
}

CurlTransport::~CurlTransport() {
    if (m_impl->easy) curl_easy_cleanup(m_impl->easy);
}

void CurlTransport::abort() { m_impl->aborted = true; }

HttpResult CurlTransport::send(const HttpRequest& request) {
    HttpResult result;
    if (m_impl->aborted) {
        result.failure = {ErrorCode::Network, "stopped"};
        return result;
    }
    CURL* c = m_impl->easy;
    const CurlOptions& o = m_impl->options;
    curl_easy_reset(c);  // keeps the connection cache, clears per-request options

    std::string body;
    const std::string url = o.base_url + request.path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    // TLS 1.2 only with ECDHE and AEAD (the head office's http_tls.hpp names the same list);
    // every TLS 1.3 suite is AEAD already.
    curl_easy_setopt(c, CURLOPT_SSL_CIPHER_LIST,
                     "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                     "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                     "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
    // Only the configured CA: not the system store.
    curl_easy_setopt(c, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(c, CURLOPT_CAINFO, o.tls.ca_file.c_str());
    if (!o.tls.public_key.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, o.tls.public_key.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_bytes_per_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
                     static_cast<long>((o.low_speed_time + request.quiet).count()));
    curl_easy_setopt(c, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, m_impl->errorText);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &m_impl->aborted);
    m_impl->errorText[0] = '\0';

    curl_slist* headers = nullptr;
    const std::string version = std::string(protocol::kVersionHeader) + ": " +
                                std::to_string(protocol::kProtocolVersion);
    headers = curl_slist_append(headers, version.c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    const std::string auth = "Authorization: Bearer " + request.bearer;
    if (!request.bearer.empty()) headers = curl_slist_append(headers, auth.c_str());
    if (request.method == "POST") {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    const CURLcode code = curl_easy_perform(c);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        const std::string detail =
            m_impl->errorText[0] ? m_impl->errorText : curl_easy_strerror(code);
        result.failure = {classify(code), detail};
        return result;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    result.response = HttpResponse{static_cast<int>(status), std::move(body)};
    return result;
}

}  // namespace homedesk::sync
