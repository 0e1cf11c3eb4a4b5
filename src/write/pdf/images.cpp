#include "write/pdf/images.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <vector>

#include <png.h>

using namespace PoDoFo;

namespace bookc::pdf {

namespace {

struct JpegInfo {
    int width = 0, height = 0, components = 0, bits = 8;
    bool adobe = false;  // APP14 "Adobe": CMYK data is stored inverted
};

bool read_jpeg(const std::string& d, JpegInfo& info) {
    auto u8 = [&](std::size_t i) -> unsigned {
        return i < d.size() ? static_cast<unsigned char>(d[i]) : 0;
    };
    auto u16 = [&](std::size_t i) { return (u8(i) << 8) | u8(i + 1); };
    if (d.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) return false;
    std::size_t i = 2;
    while (i + 4 <= d.size()) {
        if (u8(i) != 0xFF) return false;
        unsigned marker = u8(i + 1);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            i += 2;
            continue;
        }
        std::size_t len = u16(i + 2);
        bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (marker == 0xEE && len >= 7 && d.compare(i + 4, 5, "Adobe") == 0) info.adobe = true;
        if (sof) {
            info.bits = static_cast<int>(u8(i + 4));
            info.height = static_cast<int>(u16(i + 5));
            info.width = static_cast<int>(u16(i + 7));
            info.components = static_cast<int>(u8(i + 9));
            return info.width > 0 && info.height > 0 &&
                   (info.components == 1 || info.components == 3 || info.components == 4);
        }
        if (marker == 0xD9 || marker == 0xDA) return false;
        i += 2 + len;
    }
    return false;
}

// ---- PNG, read with libpng's low-level API: samples as stored (no gamma or colour
// conversion), 16-bit kept at 16 bits; palettes, low bit depths and tRNS expanded. ----

struct PngSource {
    const std::string* data;
    std::size_t pos;
    char error[200];  // set by the error callback, which must not allocate
};

// The image as the PDF stores it: colour samples, and alpha (if any) as a separate mask.
struct DecodedPng {
    png_uint_32 width = 0, height = 0;
    int channels = 0;  // 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA
    int bits = 8;      // 8 or 16
    std::string base, mask;
    bool opaque = true;
};

// Load (load/image_check.cpp) refuses images over [limits]; this is the last guard, at the
// largest limits book.toml can set.
constexpr std::uint64_t kMaxPixels = 1'000'000'000;
constexpr std::uint64_t kMaxDecodedBytes = 4096ULL * 1024 * 1024;

void png_read_bytes(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (n > src->data->size() - src->pos) png_error(png, "the file ends before the image does");
    std::memcpy(out, src->data->data() + src->pos, n);
    src->pos += n;
}

void png_fail(png_structp png, png_const_charp message) {
    auto* src = static_cast<PngSource*>(png_get_error_ptr(png));
    std::snprintf(src->error, sizeof src->error, "%s", message ? message : "error");
    png_longjmp(png, 1);
}

void png_ignore_warning(png_structp, png_const_charp) {}

// Owns libpng's structs: freed on every path, after a longjmp or an exception too.
struct PngReader {
    png_structp png = nullptr;
    png_infop info = nullptr;
    explicit PngReader(PngSource& src) {
        png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, png_fail, png_ignore_warning);
        if (png) info = png_create_info_struct(png);
    }
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;
    ~PngReader() {
        if (png) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    }
};

// Splits `n` pixels of `png.channels` interleaved samples into base and mask.
void split_pixels(const unsigned char* px, std::size_t n, DecodedPng& png) {
    const bool alpha = png.channels == 2 || png.channels == 4;
    const std::size_t colors = alpha ? png.channels - 1 : png.channels;
    const std::size_t sample = png.bits / 8;
    for (std::size_t p = 0; p < n; ++p, px += png.channels * sample) {
        png.base.append(reinterpret_cast<const char*>(px), colors * sample);
        if (alpha) {
            const unsigned char* a = px + colors * sample;
            png.mask.append(reinterpret_cast<const char*>(a), sample);
            for (std::size_t k = 0; k < sample; ++k)
                if (a[k] != 0xFF) png.opaque = false;
        }
    }
}

// The function that calls setjmp holds no object with a destructor (`rows` and `pixels`
// belong to the caller), so a longjmp from libpng skips nothing; `r` frees libpng.
bool decode_png(PngReader& r, PngSource& src, DecodedPng& out, std::vector<unsigned char>& pixels,
                std::vector<png_bytep>& rows) {
    png_structp png = r.png;
    png_infop info = r.info;
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_read_fn(png, &src, png_read_bytes);
    png_set_user_limits(png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_read_info(png, info);
    {
        const std::uint64_t w = png_get_image_width(png, info), h = png_get_image_height(png, info);
        if (w * h > kMaxPixels || w * h * 8 > kMaxDecodedBytes) png_error(png, "image too large");
    }
    png_set_expand(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    out.width = png_get_image_width(png, info);
    out.height = png_get_image_height(png, info);
    out.channels = png_get_channels(png, info);
    out.bits = png_get_bit_depth(png, info);
    const std::size_t stride = png_get_rowbytes(png, info);
    if (out.width == 0 || out.height == 0 || (out.bits != 8 && out.bits != 16) ||
        out.channels < 1 || out.channels > 4 ||
        stride != out.width * static_cast<std::size_t>(out.channels * out.bits / 8))
        png_error(png, "unsupported PNG layout");
    const bool alpha = out.channels == 2 || out.channels == 4;
    const std::size_t sample = out.bits / 8;
    out.base.reserve(std::size_t(out.width) * out.height *
                     (alpha ? out.channels - 1 : out.channels) * sample);
    if (alpha) out.mask.reserve(std::size_t(out.width) * out.height * sample);
    if (passes == 1) {  // a row at a time: no copy of the whole image
        pixels.resize(stride);
        for (png_uint_32 y = 0; y < out.height; ++y) {
            png_read_row(png, pixels.data(), nullptr);
            split_pixels(pixels.data(), out.width, out);
        }
    } else {  // interlaced: the passes fill the whole image
        pixels.resize(stride * out.height);
        rows.resize(out.height);
        for (png_uint_32 y = 0; y < out.height; ++y) rows[y] = pixels.data() + y * stride;
        png_read_image(png, rows.data());
        split_pixels(pixels.data(), std::size_t(out.width) * out.height, out);
    }
    png_read_end(png, nullptr);
    return true;
}

PdfObject* image_object(PdfVecObjects& objects, int w, int h, const char* colorspace, int bits) {
    PdfObject* obj = objects.CreateObject("XObject");
    PdfDictionary& dict = obj->GetDictionary();
    dict.AddKey("Subtype", PdfName("Image"));
    dict.AddKey("Width", static_cast<pdf_int64>(w));
    dict.AddKey("Height", static_cast<pdf_int64>(h));
    dict.AddKey("ColorSpace", PdfName(colorspace));
    dict.AddKey("BitsPerComponent", static_cast<pdf_int64>(bits));
    return obj;
}

}  // namespace

std::string ImageStore::get(const display::Image& image) {
    auto found = by_key_.find(image.key);
    if (found != by_key_.end()) return found->second;
    std::string name;
    const std::string label = image.key.empty() ? std::string("(image)") : image.key;
    if (!image.data || image.data->empty()) {
        diags_.warning_at(label, 0, 0, "PDF: image has no data; left out");
    } else if (image.format == display::ImageFormat::Jpeg) {
        JpegInfo info;
        if (!read_jpeg(*image.data, info) || info.bits != 8) {
            diags_.warning_at(label, 0, 0, "PDF: not a baseline/progressive 8-bit JPEG; left out");
        } else {
            const char* cs = info.components == 1   ? "DeviceGray"
                             : info.components == 3 ? "DeviceRGB"
                                                    : "DeviceCMYK";
            PdfObject* obj = image_object(objects_, info.width, info.height, cs, 8);
            PdfMemoryInputStream in(image.data->data(), static_cast<pdf_long>(image.data->size()));
            obj->GetStream()->SetRawData(&in, static_cast<pdf_long>(image.data->size()));
            obj->GetDictionary().AddKey("Filter", PdfName("DCTDecode"));
            if (info.components == 4 && info.adobe) {
                PdfArray decode;
                for (int k = 0; k < 4; ++k) {
                    decode.push_back(static_cast<pdf_int64>(1));
                    decode.push_back(static_cast<pdf_int64>(0));
                }
                obj->GetDictionary().AddKey("Decode", decode);
            }
            name = "Im" + std::to_string(refs_.size());
            refs_.emplace(name, obj->Reference());
        }
    } else {
        PngSource src{image.data.get(), 0, {}};
        DecodedPng png;
        bool ok = false;
        try {
            PngReader reader(src);
            std::vector<unsigned char> pixels;
            std::vector<png_bytep> rows;
            if (!reader.png || !reader.info)
                std::snprintf(src.error, sizeof src.error, "libpng could not start");
            else
                ok = decode_png(reader, src, png, pixels, rows);
        } catch (const std::bad_alloc&) {
            std::snprintf(src.error, sizeof src.error, "not enough memory to decode it");
            png = DecodedPng{};
        }
        if (!ok) {
            diags_.warning_at(label, 0, 0,
                              std::string("PDF: cannot read PNG (") + src.error + "); left out");
        } else {
            const bool alpha = png.channels == 2 || png.channels == 4;
            const std::size_t colors = alpha ? png.channels - 1 : png.channels;
            const int w = static_cast<int>(png.width), h = static_cast<int>(png.height);
            PdfObject* obj =
                image_object(objects_, w, h, colors == 3 ? "DeviceRGB" : "DeviceGray", png.bits);
            obj->GetStream()->Set(png.base.data(), static_cast<pdf_long>(png.base.size()));
            png.base = std::string();
            if (alpha && !png.opaque) {
                PdfObject* smask = image_object(objects_, w, h, "DeviceGray", png.bits);
                smask->GetStream()->Set(png.mask.data(), static_cast<pdf_long>(png.mask.size()));
                obj->GetDictionary().AddKey("SMask", smask->Reference());
            }
            name = "Im" + std::to_string(refs_.size());
            refs_.emplace(name, obj->Reference());
        }
    }
    by_key_.emplace(image.key, name);
    return name;
}

}  // namespace bookc::pdf
