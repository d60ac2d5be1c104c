#include "tests/integration/test_pki.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <stdexcept>

namespace homedesk::testing {
namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

KeyPtr newKey() {
    KeyPtr key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    check(key != nullptr, "EC key");
    return key;
}

void addExt(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    check(ext != nullptr, "extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// issuer == nullptr: self-signed.
CertPtr makeCert(EVP_PKEY* key, const std::string& commonName, X509* issuer, EVP_PKEY* issuerKey,
                 bool ca, const std::vector<std::string>& altNames, int notBeforeDays,
                 int notAfterDays) {
    CertPtr cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    unsigned char serial[8];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), static_cast<long>(notBeforeDays) * 86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(notAfterDays) * 86400);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("HomeDesk tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);

    X509* signer = issuer ? issuer : cert.get();
    addExt(cert.get(), signer, NID_subject_key_identifier, "hash");
    addExt(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (ca) {
        addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExt(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExt(cert.get(), signer, NID_key_usage, "critical,digitalSignature");
        addExt(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    }
    if (!altNames.empty()) {
        std::string sans;
        for (const auto& n : altNames) sans += (sans.empty() ? "" : ",") + n;
        addExt(cert.get(), signer, NID_subject_alt_name, sans);
    }
    check(X509_sign(cert.get(), issuer ? issuerKey : key, EVP_sha256()) > 0, "sign");
    return cert;
}

void writeCert(const std::string& file, X509* cert) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    check(f != nullptr, "open cert file");
    const bool ok = PEM_write_X509(f, cert) == 1;
    std::fclose(f);
    check(ok, "write cert");
}

void writeKey(const std::string& file, EVP_PKEY* key) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    check(f != nullptr, "open key file");
    const bool ok = PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    std::fclose(f);
    check(ok, "write key");
}

std::string pinOf(EVP_PKEY* key) {
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    check(length > 0, "public key DER");
    unsigned char digest[32];
    unsigned int digestLength = 0;
    EVP_Digest(der, static_cast<size_t>(length), digest, &digestLength, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    unsigned char b64[64];
    const int n = EVP_EncodeBlock(b64, digest, static_cast<int>(digestLength));
    return "sha256//" + std::string(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
}

}  // namespace

struct TestPki::Impl {
    std::string dir;
    KeyPtr caKey{nullptr, EVP_PKEY_free};
    CertPtr caCert{nullptr, X509_free};
    std::string caFile;
};

TestPki::TestPki(std::string dir) : m_impl(std::make_unique<Impl>()) {
    m_impl->dir = std::move(dir);
    m_impl->caKey = newKey();
    m_impl->caCert = makeCert(m_impl->caKey.get(), "HomeDesk Test CA", nullptr, nullptr, true, {},
                              -1, 365);
    m_impl->caFile = m_impl->dir + "/ca.pem";
    writeCert(m_impl->caFile, m_impl->caCert.get());
}

TestPki::~TestPki() = default;

const std::string& TestPki::caFile() const { return m_impl->caFile; }

PemPair TestPki::server(const std::string& name, const std::vector<std::string>& altNames,
                        int notBeforeDays, int notAfterDays) {
    KeyPtr key = newKey();
    CertPtr cert = makeCert(key.get(), name, m_impl->caCert.get(), m_impl->caKey.get(), false,
                            altNames, notBeforeDays, notAfterDays);
    PemPair pair{m_impl->dir + "/" + name + ".crt", m_impl->dir + "/" + name + ".key",
                 pinOf(key.get())};
    writeCert(pair.cert_file, cert.get());
    writeKey(pair.key_file, key.get());
    return pair;
}

PemPair TestPki::selfSigned(const std::string& name) {
    KeyPtr key = newKey();
    CertPtr cert = makeCert(key.get(), name, nullptr, nullptr, false,
                            {"IP:127.0.0.1", "DNS:localhost"}, -1, 30);
    PemPair pair{m_impl->dir + "/" + name + ".crt", m_impl->dir + "/" + name + ".key",
                 pinOf(key.get())};
    writeCert(pair.cert_file, cert.get());
    writeKey(pair.key_file, key.get());
    return pair;
}

}  // namespace homedesk::testing
