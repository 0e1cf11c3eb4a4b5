// QR codes for print: the link of an audio or video note as a QR code (libqrencode) that
// a phone can scan from the page, drawn as display::Cells (vector squares, no image).
#include <qrencode.h>

#include <memory>

#include "typeset/flow/flow.hpp"

namespace bookc::typeset::flow {

std::optional<display::Cells> qr_cells(const std::string& text, float size) {
    if (text.empty() || size <= 0) return std::nullopt;
    // Level M (15% of the code may be damaged), byte mode, case kept: any URL.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || code->width <= 0) return std::nullopt;
    const int w = code->width;
    const int n = w + 2 * kQrQuietZone;
    display::Cells c;
    c.columns = c.rows = n;
    c.size = size / float(n);
    c.dark.assign(std::size_t(n) * std::size_t(n), 0);
    for (int y = 0; y < w; ++y)
        for (int x = 0; x < w; ++x)
            c.dark[std::size_t(y + kQrQuietZone) * std::size_t(n) + std::size_t(x + kQrQuietZone)] =
                code->data[std::size_t(y) * std::size_t(w) + std::size_t(x)] & 1;
    return c;
}

}  // namespace bookc::typeset::flow
