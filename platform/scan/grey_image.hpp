// Grey (8-bit luminance) images for the scanner: conversion from the cameras' formats, the
// region of interest, scaling and inversion. Plain loops, no library.
#pragma once

#include <cstdint>
#include <vector>

namespace homedesk::platform {

struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, stride = width

    bool empty() const { return width <= 0 || height <= 0; }
    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

// Packed RGB or RGBA (channels 3 or 4), and YUYV 4:2:2 (the luma is every other byte).
GreyImage greyFromRgb(const std::uint8_t* data, int width, int height, int channels);
GreyImage greyFromYuyv(const std::uint8_t* data, int width, int height);

// The part of the image inside [x, x+w) × [y, y+h), clipped to the image.
GreyImage crop(const GreyImage& image, int x, int y, int w, int h);
// The centre `fraction` (0..1] of each side: where the guide frame asks people to hold codes.
GreyImage centre(const GreyImage& image, double fraction);
// Box average over factor × factor blocks (factor ≥ 2); also smooths sensor noise.
GreyImage downscale(const GreyImage& image, int factor);
// Bilinear 2× enlargement, for codes too small for the detector's minimum module size.
GreyImage upscale2(const GreyImage& image);
GreyImage inverted(const GreyImage& image);
// A white margin of `margin` pixels on every side.
GreyImage padded(const GreyImage& image, int margin);
// Unsharp mask (3×3 box blur, amount 1): steeper module edges in soft photos.
GreyImage sharpened(const GreyImage& image);
// Turned clockwise by quarterTurns × 90° (the benchmark's rotated runs).
GreyImage rotated(const GreyImage& image, int quarterTurns);

}  // namespace homedesk::platform
