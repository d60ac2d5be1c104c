#include "platform/scan/qr_reader.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>

namespace homedesk::platform {
namespace {

ZXing::Binarizer toZxing(QrAttempt::Binarizer b) {
    switch (b) {
        case QrAttempt::Binarizer::LocalAverage: return ZXing::Binarizer::LocalAverage;
        case QrAttempt::Binarizer::GlobalHistogram: return ZXing::Binarizer::GlobalHistogram;
        case QrAttempt::Binarizer::FixedThreshold: return ZXing::Binarizer::FixedThreshold;
    }
    return ZXing::Binarizer::LocalAverage;
}

std::optional<QrHit> decode(const GreyImage& image, const ZXing::DecodeHints& hints,
                            double toImage) {
    if (image.empty()) return std::nullopt;
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height,
                                ZXing::ImageFormat::Lum);
    ZXing::Result result;
    try {
        result = ZXing::ReadBarcode(view, hints);
    } catch (...) {
        // ZXing 1.4 throws on some damaged symbols (std::invalid_argument "Invalid mode"):
        // a frame it cannot read, nothing more.
        return std::nullopt;
    }
    if (!result.isValid()) return std::nullopt;
    const auto& p = result.position();
    const double side = std::hypot(p.topRight().x - p.topLeft().x, p.topRight().y - p.topLeft().y);
    return QrHit{result.text(), static_cast<int>(side * toImage), 0};
}

ZXing::DecodeHints baseHints() {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setMaxNumberOfSymbols(1);
    return hints;
}

}  // namespace

const std::vector<QrAttempt>& qrAttempts() {
    using B = QrAttempt::Binarizer;
    using S = QrAttempt::Scale;
    static const std::vector<QrAttempt> attempts = {
        {B::LocalAverage, S::Same, false, false, false, "local"},
        {B::GlobalHistogram, S::Same, false, false, false, "global"},
        {B::LocalAverage, S::Half, false, false, false, "local-half"},
        {B::LocalAverage, S::Double, false, false, false, "local-double"},
        {B::LocalAverage, S::Same, true, false, false, "local-inverted"},
        {B::FixedThreshold, S::Same, false, false, false, "fixed"},
        {B::GlobalHistogram, S::Half, false, false, false, "global-half"},
        {B::LocalAverage, S::Double, false, true, false, "local-double-pad"},
        {B::GlobalHistogram, S::Double, false, true, false, "global-double-pad"},
        {B::LocalAverage, S::Double, false, false, true, "local-double-sharp"},
        {B::GlobalHistogram, S::Double, false, false, true, "global-double-sharp"},
        {B::LocalAverage, S::Same, false, false, true, "local-sharp"},
    };
    return attempts;
}

std::optional<QrHit> QrReader::readWith(const GreyImage& image, const QrAttempt& attempt) {
    ZXing::DecodeHints hints = baseHints();
    hints.setBinarizer(toZxing(attempt.binarizer));
    const GreyImage* input = &image;
    GreyImage scaled;
    double toImage = 1.0;
    if (attempt.scale == QrAttempt::Scale::Half) {
        if (std::min(image.width, image.height) < 200) return std::nullopt;
        scaled = downscale(image, 2);
        toImage = 2.0;
    } else if (attempt.scale == QrAttempt::Scale::Double) {
        if (std::max(image.width, image.height) > 1000) return std::nullopt;
        scaled = upscale2(image);
        toImage = 0.5;
    }
    if (!scaled.empty()) input = &scaled;
    GreyImage changed;
    if (attempt.pad) {
        const int margin = std::max(input->width, input->height) / 8 + 4;
        changed = padded(*input, margin);
        input = &changed;
    }
    if (attempt.sharpen) {
        changed = sharpened(*input);
        input = &changed;
    }
    if (attempt.invert) {
        changed = inverted(*input);
        input = &changed;
    }
    return decode(*input, hints, toImage);
}

std::optional<QrHit> QrReader::readBare(const GreyImage& image) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    return decode(image, hints, 1.0);
}

std::optional<QrHit> QrReader::read(const GreyImage& image, Effort effort) {
    const auto& attempts = qrAttempts();
    auto tryOne = [&](std::size_t i) -> std::optional<QrHit> {
        auto hit = readWith(image, attempts[i]);
        if (hit) hit->attempt = static_cast<int>(i);
        return hit;
    };
    if (effort == Effort::Live) {
        // One attempt per frame: the first on every other frame, the rest in turn between.
        m_liveFrame = !m_liveFrame;
        if (m_liveFrame) return tryOne(0);
        const std::size_t extra = m_nextExtra;
        m_nextExtra = m_nextExtra + 1 < attempts.size() ? m_nextExtra + 1 : 1;
        return tryOne(extra);
    }
    if (auto hit = tryOne(0)) return hit;
    for (std::size_t i = 1; i < attempts.size(); ++i)
        if (auto hit = tryOne(i)) return hit;
    return std::nullopt;
}

}  // namespace homedesk::platform
