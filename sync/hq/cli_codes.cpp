#include "sync/hq/cli_codes.hpp"

#include <sys/stat.h>

#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sync/hq/sqlite_hq_store.hpp"

namespace homedesk::hq::cli {
namespace {

int fail(const std::string& message) {
    std::cerr << "homedesk-hq codes: " << message << "\n";
    return 1;
}

Result<protocol::SigningKey> officeKey(const std::string& db) {
    auto store = SqliteHqStore::open(db);
    if (!store) return store.error();
    auto secret = store.value()->signingSecret();
    if (!secret) return secret.error();
    return protocol::signingKeyFrom(secret.value());
}

// The page holds codes that open things: readable by its owner only until printed.
int writePage(const std::string& path, const std::vector<IssuedCode>& codes) {
    auto page = codeSheet(codes);
    if (!page) return fail(page.error().message);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out) return fail("cannot write " + path);
        out << page.value();
    }
    ::chmod(path.c_str(), 0600);
    std::cerr << "wrote " << codes.size() << " code(s) to " << path << "\n";
    return 0;
}

}  // namespace

int codesIssue(const std::string& db, CodeRequest request, const std::string& html) {
    if (request.kind == CodeRequest::Kind::StaffBadge && request.pin.empty()) {
        if (!std::getline(std::cin, request.pin)) return fail("the badge's PIN comes from stdin");
        while (!request.pin.empty() && (request.pin.back() == '\r' || request.pin.back() == '\n'))
            request.pin.pop_back();
    }
    auto key = officeKey(db);
    if (!key) return fail(key.error().message);
    auto code = issueCode(request, key.value(), std::time(nullptr));
    if (!code) return fail(code.error().message);
    std::cout << code->token << "\n";
    return html.empty() ? 0 : writePage(html, {code.value()});
}

int codesSheet(const std::string& db, const std::string& file, const std::string& html,
               double days) {
    std::ifstream in(file);
    if (!in) return fail("cannot read " + file);
    auto key = officeKey(db);
    if (!key) return fail(key.error().message);
    std::vector<IssuedCode> codes;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream fields(line);
        for (std::string part; std::getline(fields, part, '\t');) f.push_back(part);
        if (f.size() < 4)
            return fail(file + ":" + std::to_string(number) +
                        ": kind, community, building, unit or place");
        CodeRequest r;
        r.community = f[1];
        r.building = f[2];
        r.label = f.size() > 4 ? f[4] : "";
        r.days = days;
        if (f[0] == "location") r.kind = CodeRequest::Kind::Location, r.place = f[3];
        else if (f[0] == "household") r.kind = CodeRequest::Kind::Household, r.unit = f[3];
        else return fail(file + ":" + std::to_string(number) + ": kind is location or household");
        auto code = issueCode(r, key.value(), std::time(nullptr));
        if (!code) return fail(file + ":" + std::to_string(number) + ": " + code.error().message);
        std::cout << code->token << "\n";
        codes.push_back(std::move(code).value());
    }
    return writePage(html, codes);
}

}  // namespace homedesk::hq::cli
