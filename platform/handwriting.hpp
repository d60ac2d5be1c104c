// Handwriting recognition at the platform edge: strokes of one character in, candidate
// characters out, best first. Names no outside library; the zinnia adapter is in zinnia/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace homedesk::platform {

struct InkPoint {
    float x = 0, y = 0;  // 0..1 across the writing box, left to right, top to bottom
};
using InkStroke = std::vector<InkPoint>;

class Handwriting {
public:
    virtual ~Handwriting() = default;
    // The characters the strokes (in writing order) most likely are, at most `count`.
    virtual std::vector<std::string> recognize(const std::vector<InkStroke>& strokes,
                                               std::size_t count) const = 0;
};

}  // namespace homedesk::platform
