// A QR code as SVG: one dark path of unit squares, a four-module quiet zone, crisp edges.
#define ZX_USE_UTF8 1
#include "sync/hq/console/qr_svg.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace homedesk::hq {

Result<std::string> qrSvg(const std::string& text) {
    try {
        const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                       .setMargin(0)
                                       .setEccLevel(2)
                                       .encode(text, 0, 0);
        const int size = m.width() + 8;
        std::string path;
        for (int y = 0; y < m.height(); ++y)
            for (int x = 0; x < m.width(); ++x)
                if (m.get(x, y))
                    path += "M" + std::to_string(x + 4) + " " + std::to_string(y + 4) + "h1v1h-1z";
        const std::string s = std::to_string(size);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
               "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
               "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    } catch (const std::exception& e) {
        return invalidInput("qr", std::string("cannot encode as a QR code: ") + e.what());
    }
}

}  // namespace homedesk::hq
