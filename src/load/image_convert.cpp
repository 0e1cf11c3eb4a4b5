// WebP and GIF → PNG. Decoding is the libraries' (libwebp, giflib); this file only moves
// pixels between them and libpng.
#include "load/image_convert.hpp"

#include <cairo.h>
#include <gif_lib.h>
#include <librsvg/rsvg.h>
#include <png.h>
#include <webp/decode.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

namespace bookc::load {

namespace {

void png_write_bytes(png_structp png, png_bytep data, png_size_t n) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), n);
}
void png_flush(png_structp) {}
void png_fail(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void png_quiet(png_structp, png_const_charp) {}

// No C++ object is created between setjmp and the calls that may longjmp.
bool write_png(const unsigned char* rgba, int w, int h, std::string* out, png_bytep* rows) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return false;
    }
    png_set_write_fn(png, out, png_write_bytes, png_flush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 6);
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

struct GifReader {
    std::string_view data;
    std::size_t pos = 0;
};

int gif_read(GifFileType* gif, GifByteType* out, int n) {
    auto* r = static_cast<GifReader*>(gif->UserData);
    std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(n), r->data.size() - r->pos);
    std::memcpy(out, r->data.data() + r->pos, k);
    r->pos += k;
    return static_cast<int>(k);
}

}  // namespace

std::optional<std::string> encode_png_rgba(const unsigned char* rgba, int w, int h) {
    if (w <= 0 || h <= 0) return std::nullopt;
    std::vector<png_bytep> rows(static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        rows[static_cast<std::size_t>(y)] = const_cast<png_bytep>(
            rgba + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 4);
    std::string out;
    if (!write_png(rgba, w, h, &out, rows.data())) return std::nullopt;
    return out;
}

std::optional<std::string> webp_to_png(std::string_view webp, std::string& error,
                                       long long max_pixels) {
    const auto* data = reinterpret_cast<const uint8_t*>(webp.data());
    int w = 0, h = 0;
    if (!WebPGetInfo(data, webp.size(), &w, &h)) {
        error = "not a readable WebP image";
        return std::nullopt;
    }
    if (static_cast<long long>(w) * h > max_pixels) {
        error =
            "WebP image of " + std::to_string(w) + "×" + std::to_string(h) + " pixels is too large";
        return std::nullopt;
    }
    std::unique_ptr<uint8_t, decltype(&WebPFree)> px(WebPDecodeRGBA(data, webp.size(), &w, &h),
                                                     WebPFree);
    if (!px) {
        error = "the WebP image cannot be decoded";
        return std::nullopt;
    }
    auto png = encode_png_rgba(px.get(), w, h);
    if (!png) error = "cannot write PNG";
    return png;
}

std::optional<std::string> gif_to_png(std::string_view gif_bytes, std::string& error,
                                      long long max_pixels) {
    GifReader reader{gif_bytes, 0};
    int err = 0;
    GifFileType* gif = DGifOpen(&reader, gif_read, &err);
    if (!gif) {
        error = std::string("not a readable GIF image (") + GifErrorString(err) + ")";
        return std::nullopt;
    }
    std::unique_ptr<GifFileType, void (*)(GifFileType*)> guard(gif, [](GifFileType* g) {
        int e = 0;
        DGifCloseFile(g, &e);
    });
    const long long w = gif->SWidth, h = gif->SHeight;
    if (w <= 0 || h <= 0 || w * h > max_pixels) {
        error = "GIF image size " + std::to_string(w) + "×" + std::to_string(h) + " cannot be used";
        return std::nullopt;
    }
    // Records up to the first frame, read one by one: DGifSlurp would allocate every
    // frame at the size its descriptor claims (65535 × 65535 each) and decode them all.
    int transparent = NO_TRANSPARENT_COLOR;
    std::vector<GifPixelType> raster;
    auto damaged = [&] {
        error = std::string("the GIF image cannot be decoded (") + GifErrorString(gif->Error) + ")";
        return std::nullopt;
    };
    GifRecordType type = UNDEFINED_RECORD_TYPE;
    do {
        if (DGifGetRecordType(gif, &type) == GIF_ERROR) return damaged();
        if (type == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType* ext = nullptr;
            if (DGifGetExtension(gif, &code, &ext) == GIF_ERROR) return damaged();
            GraphicsControlBlock gcb;
            if (code == GRAPHICS_EXT_FUNC_CODE && ext &&
                DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
                transparent = gcb.TransparentColor;
            while (ext)
                if (DGifGetExtensionNext(gif, &ext) == GIF_ERROR) return damaged();
        } else if (type == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(gif) == GIF_ERROR) return damaged();
            const GifImageDesc& d = gif->Image;
            const long long fw = d.Width, fh = d.Height;
            if (fw <= 0 || fh <= 0 || fw * fh > max_pixels) {
                error = "GIF frame size " + std::to_string(fw) + "×" + std::to_string(fh) +
                        " cannot be used";
                return std::nullopt;
            }
            raster.assign(static_cast<std::size_t>(fw * fh), 0);
            static constexpr int kStart[] = {0, 4, 2, 1}, kStep[] = {8, 8, 4, 2};
            for (int pass = 0; pass < (d.Interlace ? 4 : 1); ++pass)
                for (long long y = d.Interlace ? kStart[pass] : 0; y < fh;
                     y += d.Interlace ? kStep[pass] : 1)
                    if (DGifGetLine(gif, &raster[static_cast<std::size_t>(y * fw)],
                                    static_cast<int>(fw)) == GIF_ERROR)
                        return damaged();
            break;
        }
    } while (type != TERMINATE_RECORD_TYPE);
    if (raster.empty()) {
        error = "the GIF image has no frame";
        return std::nullopt;
    }
    const GifImageDesc& d = gif->Image;
    const ColorMapObject* cmap = d.ColorMap ? d.ColorMap : gif->SColorMap;
    if (!cmap) {
        error = "the GIF image has no colour table";
        return std::nullopt;
    }
    std::vector<unsigned char> rgba(static_cast<std::size_t>(w * h * 4), 0);  // transparent canvas
    for (int y = 0; y < d.Height; ++y) {
        long long cy = d.Top + y;
        if (cy < 0 || cy >= h) continue;
        for (int x = 0; x < d.Width; ++x) {
            long long cx = d.Left + x;
            if (cx < 0 || cx >= w) continue;
            int idx = raster[static_cast<std::size_t>(y) * d.Width + x];
            if (idx == transparent || idx >= cmap->ColorCount) continue;
            unsigned char* p = &rgba[static_cast<std::size_t>((cy * w + cx) * 4)];
            p[0] = cmap->Colors[idx].Red;
            p[1] = cmap->Colors[idx].Green;
            p[2] = cmap->Colors[idx].Blue;
            p[3] = 255;
        }
    }
    auto png = encode_png_rgba(rgba.data(), static_cast<int>(w), static_cast<int>(h));
    if (!png) error = "cannot write PNG";
    return png;
}

std::optional<std::string> svg_to_png(std::string_view svg, int& css_width, int& css_height,
                                      std::string& error) {
    css_width = css_height = 0;
    GError* gerr = nullptr;
    std::unique_ptr<RsvgHandle, decltype(&g_object_unref)> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerr),
        g_object_unref);
    if (!handle) {
        error =
            std::string("not a readable SVG image (") + (gerr ? gerr->message : "librsvg") + ")";
        if (gerr) g_error_free(gerr);
        return std::nullopt;
    }
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h)) {
        gboolean has_w = false, has_h = false, has_vb = false;
        RsvgLength lw, lh;
        RsvgRectangle vb{};
        rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_w, &lw, &has_h, &lh, &has_vb, &vb);
        if (has_vb) {
            w = vb.width;
            h = vb.height;
        }
    }
    if (!(w >= 1 && h >= 1 && w < 100000 && h < 100000)) {
        error = "the SVG image has no usable size (width/height or viewBox)";
        return std::nullopt;
    }
    const double scale = std::min(2.0, 3000.0 / std::max(w, h));
    const int pw = std::max(1, static_cast<int>(std::lround(w * scale)));
    const int ph = std::max(1, static_cast<int>(std::lround(h * scale)));
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
        error = "cannot make a canvas for the SVG image";
        return std::nullopt;
    }
    RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerr)) {
        error = std::string("the SVG image cannot be drawn (") +
                (gerr ? gerr->message : "librsvg") + ")";
        if (gerr) g_error_free(gerr);
        return std::nullopt;
    }
    cairo_surface_flush(surface.get());
    // Cairo's ARGB32 is premultiplied, one native-endian 32-bit word per pixel.
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    std::vector<unsigned char> rgba(static_cast<std::size_t>(pw) * ph * 4);
    for (int y = 0; y < ph; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
        for (int x = 0; x < pw; ++x) {
            std::uint32_t p = row[x];
            unsigned a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            if (a && a < 255) {
                r = std::min(255u, (r * 255 + a / 2) / a);
                g = std::min(255u, (g * 255 + a / 2) / a);
                b = std::min(255u, (b * 255 + a / 2) / a);
            }
            unsigned char* o = &rgba[(static_cast<std::size_t>(y) * pw + x) * 4];
            o[0] = static_cast<unsigned char>(r);
            o[1] = static_cast<unsigned char>(g);
            o[2] = static_cast<unsigned char>(b);
            o[3] = static_cast<unsigned char>(a);
        }
    }
    auto png = encode_png_rgba(rgba.data(), pw, ph);
    if (!png) {
        error = "cannot write PNG";
        return std::nullopt;
    }
    css_width = static_cast<int>(std::lround(w));
    css_height = static_cast<int>(std::lround(h));
    return png;
}

}  // namespace bookc::load
