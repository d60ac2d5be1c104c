#include "platform/scan/qr_reader.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

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

std::optional<QrHit> decode(const GreyImage& image, const ZXing::DecodeHints& hints, double toImage) {
    if (image.empty()) return std::nullopt;
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
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
        {B::LocalAverage, S::Same, false, "local"},
        {B::GlobalHistogram, S::Same, false, "global"},
        {B::LocalAverage, S::Half, false, "local-half"},
        {B::LocalAverage, S::Double, false, "local-double"},
        {B::LocalAverage, S::Same, true, "local-inverted"},
        {B::FixedThreshold, S::Same, false, "fixed"},
        {B::GlobalHistogram, S::Half, false, "global-half"},
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
    if (attempt.invert) {
        scaled = inverted(*input);
        input = &scaled;
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
    if (auto hit = tryOne(0)) return hit;
    if (effort == Effort::Live) {
        const std::size_t extra = m_nextExtra;
        m_nextExtra = m_nextExtra + 1 < attempts.size() ? m_nextExtra + 1 : 1;
        return tryOne(extra);
    }
    for (std::size_t i = 1; i < attempts.size(); ++i)
        if (auto hit = tryOne(i)) return hit;
    return std::nullopt;
}

}  // namespace homedesk::platform
