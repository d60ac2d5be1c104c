#define ZX_USE_UTF8 1
#include "platform/qr/qr_code.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace homedesk::platform {

Result<QrModules> encodeQr(const std::string& text) {
    try {
        // Width and height 0: one pixel per module, no margin; the UI scales and adds the quiet
        // zone.
        const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                       .setMargin(0)
                                       .setEccLevel(2)  // "M": survives a scuffed screen photo
                                       .encode(text, 0, 0);
        QrModules q;
        q.size = m.width();
        q.dark.resize(static_cast<size_t>(q.size) * q.size);
        for (int y = 0; y < q.size; ++y)
            for (int x = 0; x < q.size; ++x)
                q.dark[static_cast<size_t>(y) * q.size + x] = m.get(x, y);
        return q;
    } catch (const std::exception& e) {
        return invalidInput("qr", std::string("cannot encode as a QR code: ") + e.what());
    }
}

}  // namespace homedesk::platform
