// load/image_check.cpp: sound images of every kind pass (palette, low bit depths, 16-bit,
// interlaced PNGs; grey, CMYK, progressive JPEGs); sizes over [limits] are refused before
// decoding; files cut short are found. The images are written here with libpng and libjpeg.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <png.h>

#include "load/image_check.hpp"
#include "support/make_jpeg.hpp"

using bookc::load::check_image;

namespace {

void png_append(png_structp png, png_bytep data, png_size_t n) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), n);
}
void png_no_flush(png_structp) {}

// A `w` × `h` PNG of colour `type` and `bits`, samples from a simple pattern.
std::string make_png(int w, int h, int type, int bits, bool interlace = false, bool trns = false) {
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    REQUIRE(setjmp(png_jmpbuf(png)) == 0);
    png_set_write_fn(png, &out, png_append, png_no_flush);
    png_set_IHDR(png, info, w, h, bits, type, interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (type == PNG_COLOR_TYPE_PALETTE) {
        png_color pal[4] = {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
        png_set_PLTE(png, info, pal, 4);
        if (trns) {
            png_byte alpha[1] = {0};
            png_set_tRNS(png, info, alpha, 1, nullptr);
        }
    }
    png_write_info(png, info);
    const int channels = png_get_channels(png, info);
    const std::size_t stride = (static_cast<std::size_t>(w) * channels * bits + 7) / 8;
    std::vector<unsigned char> row(stride);
    const int passes = png_set_interlace_handling(png);
    for (int p = 0; p < passes; ++p)
        for (int y = 0; y < h; ++y) {
            // Every field of a byte below 4: a palette index of any depth stays in the palette.
            const unsigned mask = type == PNG_COLOR_TYPE_PALETTE && bits == 8 ? 0x03 : 0x33;
            for (std::size_t i = 0; i < stride; ++i)
                row[i] = static_cast<unsigned char>((i * 7 + y * 13) & mask);
            png_write_row(png, row.data());
        }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

std::string make_jpeg(int w, int h, int components, bool progressive) {
    return bookc::test::make_jpeg({w, h, components, 75, progressive},
                                  [](unsigned y, std::vector<unsigned char>& row) {
                                      for (std::size_t i = 0; i < row.size(); ++i)
                                          row[i] = static_cast<unsigned char>(i * 3 + y);
                                  });
}

}  // namespace

TEST_CASE("image check: sound PNGs of every colour type, depth and interlacing pass") {
    const bookc::config::Limits limits;
    struct Case {
        int type, bits;
        bool interlace, trns;
    };
    for (Case c :
         {Case{PNG_COLOR_TYPE_GRAY, 1, false, false}, Case{PNG_COLOR_TYPE_GRAY, 16, true, false},
          Case{PNG_COLOR_TYPE_PALETTE, 2, false, true},
          Case{PNG_COLOR_TYPE_PALETTE, 8, true, false}, Case{PNG_COLOR_TYPE_RGB, 8, true, false},
          Case{PNG_COLOR_TYPE_RGB_ALPHA, 16, false, false},
          Case{PNG_COLOR_TYPE_GRAY_ALPHA, 8, true, false}}) {
        CAPTURE(c.type);
        CAPTURE(c.bits);
        auto r =
            check_image(make_png(37, 23, c.type, c.bits, c.interlace, c.trns), "image/png", limits);
        CHECK(r.problem == "");
        CHECK(r.width == 37);
        CHECK(r.height == 23);
    }
}

TEST_CASE("image check: sound JPEGs (grey, RGB, CMYK, progressive) pass") {
    const bookc::config::Limits limits;
    for (int components : {1, 3, 4})
        for (bool progressive : {false, true}) {
            CAPTURE(components);
            CAPTURE(progressive);
            auto r = check_image(make_jpeg(45, 31, components, progressive), "image/jpeg", limits);
            CHECK(r.problem == "");
            CHECK(r.width == 45);
            CHECK(r.height == 31);
        }
}

TEST_CASE("image check: over a limit is refused with the key that raises it") {
    bookc::config::Limits limits;
    limits.image_pixels = 1000;  // 37 × 23 = 851 passes, 45 × 31 = 1395 does not
    CHECK(check_image(make_png(37, 23, PNG_COLOR_TYPE_RGB, 8), "image/png", limits).problem == "");
    auto j = check_image(make_jpeg(45, 31, 3, true), "image/jpeg", limits);
    CHECK(j.problem == "is too large (45×31 pixels; at most 0 megapixels)");
    CHECK(j.hint == "raise the limit in book.toml: [limits] image_megapixels = …");
    limits.image_pixels = 50'000'000;
    limits.image_decoded = 851 * 8 - 1;  // one byte less than 37 × 23 of 16-bit RGBA
    auto p = check_image(make_png(37, 23, PNG_COLOR_TYPE_RGB_ALPHA, 16), "image/png", limits);
    CHECK(p.problem == "is too large (37×23 pixels, 1 MB decoded; at most 1 MB)");
    CHECK(p.hint == "raise the limit in book.toml: [limits] image_decoded_mb = …");
    CHECK(check_image(make_png(37, 23, PNG_COLOR_TYPE_RGB, 16), "image/png", limits).problem == "");
}

TEST_CASE("image check: PNGs and JPEGs cut anywhere are damaged, never a crash") {
    const bookc::config::Limits limits;
    const std::string png = make_png(64, 48, PNG_COLOR_TYPE_RGB, 8, true);
    const std::string jpeg = make_jpeg(64, 48, 3, true);
    for (std::size_t cut = 0; cut < png.size(); cut += 97) {
        CAPTURE(cut);
        CHECK(check_image(png.substr(0, cut), "image/png", limits)
                  .problem.rfind("is damaged (PNG: ", 0) == 0);
    }
    for (std::size_t cut = 0; cut < jpeg.size(); cut += 53) {
        CAPTURE(cut);
        CHECK(check_image(jpeg.substr(0, cut), "image/jpeg", limits)
                  .problem.rfind("is damaged (JPEG: ", 0) == 0);
    }
    CHECK(check_image(png.substr(0, png.size() - 12), "image/png", limits).problem ==
          "is damaged (PNG: the file ends before the image does)");
    CHECK(check_image(jpeg.substr(0, jpeg.size() - 2), "image/jpeg", limits).problem ==
          "is damaged (JPEG: Premature end of JPEG file)");
    // One flipped byte in the middle of the image data: the inflated rows go wrong before
    // the chunk's CRC is read.
    std::string flipped = png;
    flipped[png.size() / 2] ^= 0x55;
    CHECK(check_image(flipped, "image/png", limits).problem.rfind("is damaged (PNG: ", 0) == 0);
}
