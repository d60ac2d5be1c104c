// Certificates made by the tests with OpenSSL's C API: a CA, server certificates signed by it
// (right host, wrong host, expired) and a self-signed one, written as PEM files into a dir.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace homedesk::testing {

struct PemPair {
    std::string cert_file;
    std::string key_file;
    std::string public_key_pin;  // "sha256//<base64>" of the key, for CURLOPT_PINNEDPUBLICKEY
};

class TestPki {
public:
    // Makes the CA at once; files go into `dir`.
    explicit TestPki(std::string dir);
    ~TestPki();

    const std::string& caFile() const;
    // A server certificate signed by the CA, valid from now + notBeforeDays to
    // now + notAfterDays, for the given subjectAltNames ("IP:127.0.0.1", "DNS:localhost").
    PemPair server(const std::string& name, const std::vector<std::string>& altNames,
                   int notBeforeDays = -1, int notAfterDays = 30);
    // A certificate for 127.0.0.1 that signs itself (no CA).
    PemPair selfSigned(const std::string& name);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace homedesk::testing
