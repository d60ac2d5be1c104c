// Prints the result table; medians and number formatting.
#include "tests/bench/table.hpp"

#include <algorithm>
#include <cstdarg>

namespace homedesk::bench {

void Table::check(std::string id, std::string what, std::string figure, std::string target,
                  bool passed) {
    add({std::move(id), std::move(what), std::move(figure), std::move(target),
         passed ? "PASS" : "FAIL"});
}

void Table::info(std::string id, std::string what, std::string figure) {
    add({std::move(id), std::move(what), std::move(figure), "", ""});
}

namespace {
// Columns are padded by code points, so that non-ASCII text lines up too.
size_t width(const std::string& s) {
    return static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}
std::string pad(const std::string& s, size_t w) {
    return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}
}  // namespace

void Table::print(std::FILE* out) const {
    Row head{"", "measure", "figure", "target", "result"};
    size_t w[4] = {width(head.id), width(head.what), width(head.figure), width(head.target)};
    for (const Row& r : m_rows) {
        w[0] = std::max(w[0], width(r.id));
        w[1] = std::max(w[1], width(r.what));
        w[2] = std::max(w[2], width(r.figure));
        w[3] = std::max(w[3], width(r.target));
    }
    std::string previous = "-";
    const auto line = [&](const Row& r) {
        std::fprintf(out, "%s  %s  %s  %s  %s\n", pad(r.id, w[0]).c_str(),
                     pad(r.what, w[1]).c_str(), pad(r.figure, w[2]).c_str(),
                     pad(r.target, w[3]).c_str(), r.verdict.c_str());
    };
    line(head);
    for (const Row& r : m_rows) {
        if (r.id != previous && previous != "-") std::fputc('\n', out);
        previous = r.id;
        line(r);
    }
    if (!m_notes.empty()) std::fputc('\n', out);
    for (const auto& n : m_notes) std::fprintf(out, "note: %s\n", n.c_str());
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double minOf(const std::vector<double>& v) {
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}
double maxOf(const std::vector<double>& v) {
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

std::string fmt(const char* format, ...) {
    char buf[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buf, sizeof buf, format, args);
    va_end(args);
    return buf;
}

std::string mib(double kib) {
    return fmt("%.1f MiB", kib / 1024);
}

}  // namespace homedesk::bench
