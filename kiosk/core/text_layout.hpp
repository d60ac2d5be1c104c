// Line breaking for paragraphs of mixed Chinese and Latin text. Dear ImGui draws lines one em
// apart, too tight for elderly readers, so screens break lines here and space them themselves.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace homedesk {

// Width in pixels of a piece of text in the font being laid out.
using MeasureText = std::function<float(std::string_view)>;

// Breaks `text` into lines no wider than `maxWidth`: Latin words stay whole where they fit,
// Chinese breaks between any two characters, closing punctuation never starts a line, and
// "\n" always breaks. A single word wider than the line is split between characters.
std::vector<std::string> wrapText(std::string_view text, float maxWidth, const MeasureText& measure);

}  // namespace homedesk
