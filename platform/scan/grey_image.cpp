#include "platform/scan/grey_image.hpp"

#include <algorithm>

namespace homedesk::platform {
namespace {

GreyImage blank(int width, int height) {
    GreyImage g;
    g.width = std::max(width, 0);
    g.height = std::max(height, 0);
    g.pixels.assign(static_cast<std::size_t>(g.width) * g.height, 0);
    return g;
}

}  // namespace

GreyImage greyFromRgb(const std::uint8_t* data, int width, int height, int channels) {
    GreyImage g = blank(width, height);
    const std::size_t n = g.pixels.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = data + i * channels;
        // ITU-R BT.601 luma in integers: (77 R + 150 G + 29 B) / 256.
        g.pixels[i] = static_cast<std::uint8_t>((77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8);
    }
    return g;
}

GreyImage greyFromYuyv(const std::uint8_t* data, int width, int height) {
    GreyImage g = blank(width, height);
    for (std::size_t i = 0; i < g.pixels.size(); ++i) g.pixels[i] = data[2 * i];
    return g;
}

GreyImage crop(const GreyImage& image, int x, int y, int w, int h) {
    x = std::clamp(x, 0, image.width);
    y = std::clamp(y, 0, image.height);
    w = std::clamp(w, 0, image.width - x);
    h = std::clamp(h, 0, image.height - y);
    GreyImage g = blank(w, h);
    for (int row = 0; row < h; ++row)
        std::copy_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(y + row) * image.width + x,
                    w, g.pixels.begin() + static_cast<std::ptrdiff_t>(row) * w);
    return g;
}

GreyImage centre(const GreyImage& image, double fraction) {
    fraction = std::clamp(fraction, 0.05, 1.0);
    const int w = static_cast<int>(image.width * fraction);
    const int h = static_cast<int>(image.height * fraction);
    return crop(image, (image.width - w) / 2, (image.height - h) / 2, w, h);
}

GreyImage downscale(const GreyImage& image, int factor) {
    if (factor < 2) return image;
    GreyImage g = blank(image.width / factor, image.height / factor);
    const int area = factor * factor;
    for (int y = 0; y < g.height; ++y) {
        for (int x = 0; x < g.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy) {
                const std::uint8_t* row =
                    &image.pixels[static_cast<std::size_t>(y * factor + dy) * image.width];
                for (int dx = 0; dx < factor; ++dx) sum += row[x * factor + dx];
            }
            g.pixels[static_cast<std::size_t>(y) * g.width + x] =
                static_cast<std::uint8_t>(sum / area);
        }
    }
    return g;
}

GreyImage upscale2(const GreyImage& image) {
    GreyImage g = blank(image.width * 2, image.height * 2);
    if (image.empty()) return g;
    for (int y = 0; y < g.height; ++y) {
        const int y0 = std::min(y / 2, image.height - 1);
        const int y1 = std::min(y0 + (y & 1), image.height - 1);
        for (int x = 0; x < g.width; ++x) {
            const int x0 = std::min(x / 2, image.width - 1);
            const int x1 = std::min(x0 + (x & 1), image.width - 1);
            const int sum =
                image.at(x0, y0) + image.at(x1, y0) + image.at(x0, y1) + image.at(x1, y1);
            g.pixels[static_cast<std::size_t>(y) * g.width + x] =
                static_cast<std::uint8_t>(sum / 4);
        }
    }
    return g;
}

GreyImage inverted(const GreyImage& image) {
    GreyImage g = image;
    for (auto& p : g.pixels) p = static_cast<std::uint8_t>(255 - p);
    return g;
}

GreyImage padded(const GreyImage& image, int margin) {
    GreyImage g = blank(image.width + 2 * margin, image.height + 2 * margin);
    std::fill(g.pixels.begin(), g.pixels.end(), 255);
    for (int y = 0; y < image.height; ++y)
        std::copy_n(&image.pixels[static_cast<std::size_t>(y) * image.width], image.width,
                    &g.pixels[static_cast<std::size_t>(y + margin) * g.width + margin]);
    return g;
}

GreyImage sharpened(const GreyImage& image) {
    GreyImage g = image;
    for (int y = 1; y + 1 < image.height; ++y) {
        for (int x = 1; x + 1 < image.width; ++x) {
            int sum = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) sum += image.at(x + dx, y + dy);
            const int v = 2 * image.at(x, y) - sum / 9;
            g.pixels[static_cast<std::size_t>(y) * g.width + x] =
                static_cast<std::uint8_t>(std::clamp(v, 0, 255));
        }
    }
    return g;
}

GreyImage rotated(const GreyImage& image, int quarterTurns) {
    const int turns = ((quarterTurns % 4) + 4) % 4;
    if (turns == 0) return image;
    const bool swap = turns % 2 == 1;
    GreyImage g = blank(swap ? image.height : image.width, swap ? image.width : image.height);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            int nx = x, ny = y;
            if (turns == 1) nx = image.height - 1 - y, ny = x;
            if (turns == 2) nx = image.width - 1 - x, ny = image.height - 1 - y;
            if (turns == 3) nx = y, ny = image.width - 1 - x;
            g.pixels[static_cast<std::size_t>(ny) * g.width + nx] = image.at(x, y);
        }
    }
    return g;
}

}  // namespace homedesk::platform
