// A QR code as plain modules: made by the platform's encoder, drawn by the UI.
#pragma once

#include <vector>

namespace homedesk {

struct QrModules {
    int size = 0;            // modules per side, quiet zone excluded
    std::vector<bool> dark;  // row-major, size * size
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

}  // namespace homedesk
