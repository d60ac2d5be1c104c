// Starts the real homedesk program headless with a script, the way a person's taps would reach
// it, and reads back what it wrote: exit code, output, screenshots and widget lists.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace homedesk::test {

struct KioskRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr
    std::filesystem::path shots;

    nlohmann::json shot(const std::string& name) const;  // the widget list of a screenshot
    std::filesystem::path png(const std::string& name) const { return shots / (name + ".png"); }
};

// Runs homedesk with `script` (one command a line) and extra flags; screenshots go to a fresh
// temporary folder.
KioskRun runKiosk(const std::string& script, const std::vector<std::string>& flags = {});

// An empty data folder for one test's terminal: <tmp>/homedesk-<suite>-<pid>-<name>.
std::filesystem::path freshDataDir(const std::string& suite, const std::string& name);

// Script lines that tap `digits` on the numeric keypad ('-' is keypad.dash).
std::string keypadTaps(const std::string& digits);

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};
Image loadPng(const std::filesystem::path& path);

}  // namespace homedesk::test
