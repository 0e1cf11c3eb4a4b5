#include "write/pdf/images.hpp"

#include <cstring>
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
        png_image png;
        std::memset(&png, 0, sizeof png);
        png.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_memory(&png, image.data->data(), image.data->size())) {
            diags_.warning_at(label, 0, 0,
                              std::string("PDF: cannot read PNG: ") + png.message + "; left out");
        } else {
            const bool alpha = png.format & PNG_FORMAT_FLAG_ALPHA;
            const bool color = png.format & PNG_FORMAT_FLAG_COLOR;
            png.format = color ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB)
                               : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
            std::vector<png_byte> pixels(PNG_IMAGE_SIZE(png));
            if (!png_image_finish_read(&png, nullptr, pixels.data(), 0, nullptr)) {
                diags_.warning_at(
                    label, 0, 0,
                    std::string("PDF: cannot decode PNG: ") + png.message + "; left out");
                png_image_free(&png);
            } else {
                const std::size_t n = static_cast<std::size_t>(png.width) * png.height;
                const std::size_t channels = color ? 3 : 1;
                std::string base, mask;
                base.reserve(n * channels);
                bool opaque = true;
                for (std::size_t p = 0; p < n; ++p) {
                    const png_byte* px = pixels.data() + p * (channels + (alpha ? 1 : 0));
                    base.append(reinterpret_cast<const char*>(px), channels);
                    if (alpha) {
                        mask += static_cast<char>(px[channels]);
                        if (px[channels] != 255) opaque = false;
                    }
                }
                PdfObject* obj = image_object(objects_, static_cast<int>(png.width),
                                              static_cast<int>(png.height),
                                              color ? "DeviceRGB" : "DeviceGray", 8);
                obj->GetStream()->Set(base.data(), static_cast<pdf_long>(base.size()));
                if (alpha && !opaque) {
                    PdfObject* smask = image_object(objects_, static_cast<int>(png.width),
                                                    static_cast<int>(png.height), "DeviceGray", 8);
                    smask->GetStream()->Set(mask.data(), static_cast<pdf_long>(mask.size()));
                    obj->GetDictionary().AddKey("SMask", smask->Reference());
                }
                name = "Im" + std::to_string(refs_.size());
                refs_.emplace(name, obj->Reference());
            }
        }
    }
    by_key_.emplace(image.key, name);
    return name;
}

}  // namespace bookc::pdf
