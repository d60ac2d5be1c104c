// The printed result: one row per figure, with the target and a verdict beside it; and the
// small statistics the rows are made of.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace homedesk::bench {

struct Row {
    std::string id;       // "T1"
    std::string what;     // what was measured
    std::string figure;   // the measured value, with its unit
    std::string target;   // "<= 60 ms", or "" for a figure given as context
    std::string verdict;  // "PASS", "FAIL", "" (context), "NOT MEASURED"
};

class Table {
public:
    void add(Row row) { m_rows.push_back(std::move(row)); }
    // `passed` decides PASS/FAIL.
    void check(std::string id, std::string what, std::string figure, std::string target,
               bool passed);
    void info(std::string id, std::string what, std::string figure);
    void note(std::string text) { m_notes.push_back(std::move(text)); }
    void print(std::FILE* out) const;

private:
    std::vector<Row> m_rows;
    std::vector<std::string> m_notes;
};

double median(std::vector<double> values);
double minOf(const std::vector<double>& values);
double maxOf(const std::vector<double>& values);

std::string fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string mib(double kib);  // "12.3 MiB"

}  // namespace homedesk::bench
