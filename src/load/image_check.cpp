// Image checks before a writer sees an image: size from the header against [limits], then
// one decode a row at a time with libpng or libjpeg to find files cut short or damaged.
//
// libpng and libjpeg report errors by longjmp. Each decoder lives in a small owner whose
// destructor frees it, created in the caller's frame; the functions that call setjmp hold
// no C++ object with a destructor, so a longjmp skips nothing that must run, and the owner
// frees the decoder on every path (header error, data error, limit refused, success).
#include "load/image_check.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <jerror.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include "load/images.hpp"

namespace bookc::load {

namespace {

// What a decoder's error callback records: a fixed buffer, as nothing may allocate (or
// throw) while libpng or libjpeg is on the stack.
struct Message {
    char text[JMSG_LENGTH_MAX > 200 ? JMSG_LENGTH_MAX : 200] = {};
    bool set = false;
    void keep(const char* m) {
        if (set) return;
        std::snprintf(text, sizeof text, "%s", m && *m ? m : "error");
        set = true;
    }
};

std::string megabytes(std::uint64_t bytes) {
    return std::to_string((bytes + config::kMB - 1) / config::kMB) + " MB";
}

// "" or the reason the size is over a limit (with the hint naming the key).
std::string over_limits(std::uint64_t w, std::uint64_t h, std::uint64_t bytes_per_pixel,
                        const config::Limits& limits, std::string& hint) {
    const std::string size = std::to_string(w) + "×" + std::to_string(h) + " pixels";
    if (w * h > limits.image_pixels) {
        hint = "raise the limit in book.toml: [limits] image_megapixels = …";
        return "is too large (" + size + "; at most " +
               std::to_string(limits.image_pixels / 1'000'000) + " megapixels)";
    }
    const std::uint64_t decoded = w * h * bytes_per_pixel;
    if (decoded > limits.image_decoded) {
        hint = "raise the limit in book.toml: [limits] image_decoded_mb = …";
        return "is too large (" + size + ", " + megabytes(decoded) + " decoded; at most " +
               megabytes(limits.image_decoded) + ")";
    }
    return {};
}

// ---- PNG ----

struct PngInput {
    std::string_view data;
    std::size_t pos = 0;
    Message error;
};

void png_read_bytes(png_structp png, png_bytep out, png_size_t n) {
    auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
    if (n > in->data.size() - in->pos) png_error(png, "the file ends before the image does");
    std::memcpy(out, in->data.data() + in->pos, n);
    in->pos += n;
}

void png_on_error(png_structp png, png_const_charp message) {
    static_cast<PngInput*>(png_get_error_ptr(png))->error.keep(message);
    png_longjmp(png, 1);
}

// Readers get libpng's "benign" errors as warnings; this one means rows are missing.
void png_on_warning(png_structp png, png_const_charp message) {
    if (message && std::strstr(message, "Not enough image data"))
        static_cast<PngInput*>(png_get_error_ptr(png))->error.keep(message);
}

struct PngReader {
    png_structp png = nullptr;
    png_infop info = nullptr;
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;
    explicit PngReader(PngInput& in) {
        png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &in, png_on_error, png_on_warning);
        if (png) info = png_create_info_struct(png);
    }
    ~PngReader() {
        if (png) png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    }
};

struct PngHeader {
    png_uint_32 width = 0, height = 0;
    int bytes_per_pixel = 0;  // once expanded, as the PDF writer decodes it
};

bool png_read_header(PngReader& r, PngInput& in, PngHeader& h) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    png_set_read_fn(r.png, &in, png_read_bytes);
    // libpng's own limit (1,000,000 a side) would stop some images with its message;
    // ours, in pixels and bytes, are checked next with the file named.
    png_set_user_limits(r.png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_read_info(r.png, r.info);
    h.width = png_get_image_width(r.png, r.info);
    h.height = png_get_image_height(r.png, r.info);
    const int type = png_get_color_type(r.png, r.info);
    int channels = type == PNG_COLOR_TYPE_GRAY         ? 1
                   : type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                   : type == PNG_COLOR_TYPE_RGB_ALPHA  ? 4
                                                       : 3;  // RGB, palette
    if (png_get_valid(r.png, r.info, PNG_INFO_tRNS) && (channels == 1 || channels == 3)) ++channels;
    h.bytes_per_pixel = channels * (png_get_bit_depth(r.png, r.info) == 16 ? 2 : 1);
    return true;
}

// Every row of every pass into one row buffer, then the chunks after the image.
bool png_read_rows(PngReader& r, png_bytep row, std::size_t row_size, png_uint_32 height) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    png_set_expand(r.png);
    const int passes = png_set_interlace_handling(r.png);
    png_read_update_info(r.png, r.info);
    if (png_get_rowbytes(r.png, r.info) > row_size) png_error(r.png, "unexpected row size");
    for (int p = 0; p < passes; ++p)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(r.png, row, nullptr);
    png_read_end(r.png, nullptr);
    return true;
}

ImageCheck check_png(std::string_view bytes, const config::Limits& limits) {
    ImageCheck c;
    PngInput in{bytes, 0, {}};
    PngReader r(in);
    if (!r.png || !r.info) {
        c.problem = "cannot be read (libpng could not start)";
        return c;
    }
    PngHeader h;
    if (!png_read_header(r, in, h)) {
        c.problem = std::string("is damaged (PNG: ") + in.error.text + ")";
        return c;
    }
    c.width = static_cast<int>(h.width);
    c.height = static_cast<int>(h.height);
    c.problem = over_limits(h.width, h.height, static_cast<std::uint64_t>(h.bytes_per_pixel),
                            limits, c.hint);
    if (!c.problem.empty()) return c;
    // One row once expanded; within the limits above.
    std::vector<unsigned char> row(static_cast<std::size_t>(h.width) * h.bytes_per_pixel);
    if (!png_read_rows(r, row.data(), row.size(), h.height) || in.error.set)
        c.problem = std::string("is damaged (PNG: ") + in.error.text + ")";
    return c;
}

// ---- JPEG ----

struct JpegErrors {
    jpeg_error_mgr mgr;  // first: libjpeg passes &mgr, which is this object
    std::jmp_buf jump;
    Message message;
};

void jpeg_on_error(j_common_ptr cinfo) {
    auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    e->message.keep(text);
    std::longjmp(e->jump, 1);
}

// Warnings (level -1) about data that ran out mean a file cut short; libjpeg would draw the
// missing rows grey. Other messages are ignored.
void jpeg_on_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    const int code = cinfo->err->msg_code;
    if (code != JWRN_JPEG_EOF && code != JWRN_HIT_MARKER) return;
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    reinterpret_cast<JpegErrors*>(cinfo->err)->message.keep(text);
}

struct JpegReader {
    jpeg_decompress_struct cinfo{};
    JpegErrors errors{};
    bool created = false;
    JpegReader() = default;
    JpegReader(const JpegReader&) = delete;
    JpegReader& operator=(const JpegReader&) = delete;
    ~JpegReader() {
        if (created) jpeg_destroy_decompress(&cinfo);
    }
};

bool jpeg_read_head(JpegReader& r, std::string_view bytes) {
    r.cinfo.err = jpeg_std_error(&r.errors.mgr);
    r.errors.mgr.error_exit = jpeg_on_error;
    r.errors.mgr.emit_message = jpeg_on_message;
    r.created = true;  // jpeg_destroy_decompress is safe on a zeroed or half-made struct
    if (setjmp(r.errors.jump)) return false;
    jpeg_create_decompress(&r.cinfo);
    jpeg_mem_src(&r.cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&r.cinfo, TRUE);
    return true;
}

// Decodes at 1/8 scale: every entropy-coded byte is still read, at a fraction of the work.
// libjpeg's memory (a progressive JPEG keeps all its coefficients) is held to `max_memory`.
bool jpeg_read_all(JpegReader& r, long max_memory) {
    if (setjmp(r.errors.jump)) return false;
    r.cinfo.mem->max_memory_to_use = max_memory;
    r.cinfo.scale_num = 1;
    r.cinfo.scale_denom = 8;
    r.cinfo.dct_method = JDCT_IFAST;
    r.cinfo.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&r.cinfo);
    JSAMPARRAY row = (*r.cinfo.mem->alloc_sarray)(
        reinterpret_cast<j_common_ptr>(&r.cinfo), JPOOL_IMAGE,
        r.cinfo.output_width * static_cast<JDIMENSION>(r.cinfo.output_components), 1);
    while (r.cinfo.output_scanline < r.cinfo.output_height) jpeg_read_scanlines(&r.cinfo, row, 1);
    jpeg_finish_decompress(&r.cinfo);
    return true;
}

ImageCheck check_jpeg(std::string_view bytes, const config::Limits& limits) {
    ImageCheck c;
    JpegReader r;
    if (!jpeg_read_head(r, bytes)) {
        c.problem = std::string("is damaged (JPEG: ") + r.errors.message.text + ")";
        return c;
    }
    c.width = static_cast<int>(r.cinfo.image_width);
    c.height = static_cast<int>(r.cinfo.image_height);
    c.problem = over_limits(r.cinfo.image_width, r.cinfo.image_height,
                            static_cast<std::uint64_t>(r.cinfo.num_components), limits, c.hint);
    if (!c.problem.empty()) return c;
    const long max_memory =
        static_cast<long>(std::min<std::uint64_t>(limits.image_decoded * 2, 1ULL << 40));
    if (!jpeg_read_all(r, max_memory) || r.errors.message.set)
        c.problem = std::string("is damaged (JPEG: ") + r.errors.message.text + ")";
    return c;
}

}  // namespace

ImageCheck check_image(std::string_view bytes, const std::string& media_type,
                       const config::Limits& limits) {
    if (media_type == "image/png") return check_png(bytes, limits);
    if (media_type == "image/jpeg") return check_jpeg(bytes, limits);
    ImageCheck c;
    if (media_type == "image/gif" || media_type == "image/webp") {
        // Decoded to RGBA when they are converted (remote images); the size is the header's.
        int w = 0, h = 0;
        bool known = media_type == "image/gif"
                         ? image_size(bytes, media_type, w, h)
                         : WebPGetInfo(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                       &w, &h) != 0;
        if (!known || w <= 0 || h <= 0) {
            c.problem = "is damaged (its size cannot be read)";
            return c;
        }
        c.width = w;
        c.height = h;
        c.problem = over_limits(static_cast<std::uint64_t>(w), static_cast<std::uint64_t>(h), 4,
                                limits, c.hint);
    }
    return c;
}

}  // namespace bookc::load
