// HttpTransport over libcurl: the only place in the terminal that includes curl. Certificate
// and host checks are always on; the head office's CA file and/or public-key pin come from
// configuration, never the system store.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "base/result.hpp"
#include "sync/client/http_transport.hpp"

namespace homedesk::sync {

struct TlsPinning {
    std::string ca_file;     // PEM CA(s) that must sign the head office's chain
    std::string public_key;  // optional "sha256//<base64>" pin of the head office's key, checked
                             // in addition to the chain
};

struct CurlOptions {
    std::string base_url;  // "https://127.0.0.1:8443"; https only
    TlsPinning tls;
    std::chrono::milliseconds connect_timeout{5000};
    long low_speed_bytes_per_s = 10;  // slower than this ...
    std::chrono::seconds low_speed_time{20};  // ... for this long aborts the transfer
    std::string user_agent = "homedesk";
};

class CurlTransport final : public HttpTransport {
public:
    // Refuses a base URL that is not https or a configuration without a CA file.
    static Result<std::unique_ptr<CurlTransport>> create(CurlOptions options);
    ~CurlTransport() override;

    HttpResult send(const HttpRequest& request) override;
    void abort() override;

private:
    explicit CurlTransport(CurlOptions options);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homedesk::sync
