// Hostile images: a PNG whose header claims a million pixels a side, one over the megapixel
// or decoded-bytes limit, a PNG or JPEG cut short. Each is a warning at its reference and a
// placeholder; the build finishes and both books validate. The images are made here: PNG
// chunks by hand with zlib, JPEGs with libjpeg.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>

#include <zlib.h>

#include "cli/hostile_helpers.hpp"
#include "support/make_jpeg.hpp"

using namespace bookc::test;
using namespace hostile;

namespace {

void put32(std::string& s, std::uint32_t v) {
    for (int k = 3; k >= 0; --k) s += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::string chunk(const char* type, const std::string& data) {
    std::string c;
    put32(c, static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    c += body;
    put32(c, static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                static_cast<uInt>(body.size()))));
    return c;
}

std::string deflate(const std::string& raw) {
    uLongf n = ::compressBound(static_cast<uLong>(raw.size()));
    std::string out(n, '\0');
    REQUIRE(::compress2(reinterpret_cast<Bytef*>(out.data()), &n,
                        reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                        9) == Z_OK);
    out.resize(n);
    return out;
}

// An 8-bit PNG of `w` × `h` (colour type 2 RGB, 6 RGBA; 16-bit when `bits` is 16) whose
// IDAT holds `raw` (filter bytes and samples, or anything: a header is all a bomb needs).
std::string png(std::uint32_t w, std::uint32_t h, const std::string& raw, int type = 2,
                int bits = 8) {
    std::string ihdr;
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += static_cast<char>(bits);
    ihdr += static_cast<char>(type);
    ihdr += std::string(3, '\0');
    return std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", deflate(raw)) +
           chunk("IEND", "");
}

// A real 64 × 64 RGB picture: noise, so its IDAT is large enough to cut in the middle.
std::string real_png() {
    std::string raw;
    std::uint32_t seed = 12345;
    for (int y = 0; y < 64; ++y) {
        raw += '\0';
        for (int x = 0; x < 64 * 3; ++x) {
            seed = seed * 1103515245u + 12345u;
            raw += static_cast<char>(seed >> 24);
        }
    }
    return png(64, 64, raw);
}

std::string real_jpeg() {
    return make_jpeg({96, 64, 3, 90}, [](unsigned y, std::vector<unsigned char>& row) {
        for (unsigned x = 0; x < 96; ++x) {
            row[x * 3] = static_cast<unsigned char>(x * 2);
            row[x * 3 + 1] = static_cast<unsigned char>(y * 3);
            row[x * 3 + 2] = static_cast<unsigned char>((x * 7 + y * 5) & 0xFF);
        }
    });
}

void write_bytes(const std::string& path, const std::string& bytes) { write_text(path, bytes); }

}  // namespace

TEST_CASE("image bombs: huge, over-limit and truncated images are warnings with placeholders") {
    REQUIRE(have_tool("qpdf"));
    REQUIRE(have_tool("pdfimages"));
    REQUIRE(have_tool("java"));
    HostileCase c("hostile-image-bombs", "");
    const std::string good = real_png();
    const std::string jpeg = real_jpeg();
    REQUIRE(jpeg.size() > 1000);
    // 1,000,000 × 1,000,000 in a 2 KB file; 30,000 × 30,000 (900 megapixels).
    c.write("book/bomb.png", png(1000000, 1000000, std::string(2000, '\0')));
    c.write("book/wide.png", png(30000, 30000, std::string(30001, '\0')));
    c.write("book/good.png", good);
    c.write("book/cut.png", good.substr(0, good.size() / 2));      // inside IDAT
    c.write("book/no-end.png", good.substr(0, good.size() - 12));  // IEND missing
    c.write("book/good.jpg", jpeg);
    c.write("book/cut.jpg", jpeg.substr(0, jpeg.size() / 2));
    write_text(
        c.dir + "/book/1-图.md",
        "# 图\n\n![炸弹](bomb.png)\n\n![宽](wide.png)\n\n![好](good.png)\n\n![断](cut.png)\n\n"
        "![尾](no-end.png)\n\n![照片](good.jpg)\n\n![半张](cut.jpg)\n");
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 0);
    CHECK(
        r.err ==
        "book/1-图.md:3:1: warning: image is too large (1000000×1000000 pixels; at most 50 "
        "megapixels): bomb.png\n"
        "  hint: raise the limit in book.toml: [limits] image_megapixels = …\n"
        "  hint: a placeholder stands in for it\n"
        "book/1-图.md:5:1: warning: image is too large (30000×30000 pixels; at most 50 "
        "megapixels): wide.png\n"
        "  hint: raise the limit in book.toml: [limits] image_megapixels = …\n"
        "  hint: a placeholder stands in for it\n"
        "book/1-图.md:9:1: warning: image is damaged (PNG: the file ends before the image does): "
        "cut.png\n"
        "  hint: a placeholder stands in for it\n"
        "book/1-图.md:11:1: warning: image is damaged (PNG: the file ends before the image does): "
        "no-end.png\n"
        "  hint: a placeholder stands in for it\n"
        "book/1-图.md:15:1: warning: image is damaged (JPEG: Premature end of JPEG file): cut.jpg\n"
        "  hint: a placeholder stands in for it\n"
        "bookc: 5 warnings\n");
    const std::string pdf = c.dir + "/out/book.pdf", epub = c.dir + "/out/book.epub";
    REQUIRE(fs::exists(pdf));
    REQUIRE(fs::exists(epub));
    auto check = run("qpdf --check " + q(pdf));
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    // Only the two sound images are in the PDF, at their own sizes.
    auto list = run("pdfimages -list " + q(pdf) + " | awk 'NR>2 {print $4, $5, $6, $9}'");
    CHECK(list.status == 0);
    CHECK(list.out == "64 64 rgb image\n96 64 rgb jpeg\n");
    // The placeholders are in the text; the EPUB holds the sound images only and is valid.
    auto text = run("pdftotext " + q(pdf) + " - | tr -d '\\n'");
    CHECK(text.out.find("［图：炸弹］") != std::string::npos);
    CHECK(text.out.find("［图：半张］") != std::string::npos);
    auto names = run("unzip -Z1 " + q(epub) + " | grep -E '\\.(png|jpg)$' | sed 's,.*/,,' | sort");
    CHECK(names.out.find("bomb") == std::string::npos);
    CHECK(names.out.find("cut") == std::string::npos);
    CHECK(names.out.find("no-end") == std::string::npos);
    auto epubcheck = run("java -jar /usr/share/java/epubcheck.jar " + q(epub));
    INFO(epubcheck.out, epubcheck.err);
    CHECK(epubcheck.status == 0);
}

TEST_CASE("image bombs: [limits] image_megapixels and image_decoded_mb set the limits") {
    HostileCase c("hostile-image-limits", "");
    // 4,000 × 3,000 (12 megapixels), 16-bit RGBA: 96,000,000 bytes decoded.
    c.write("book/big.png", png(4000, 3000, std::string(4001, '\0'), 6, 16));
    c.write("book/1-a.md", "# 图\n\n![大](big.png)\n");
    c.write("book/book.toml", "[limits]\nimage_megapixels = 10\n");
    auto px = c.bookc("check book -q");
    CHECK(px.status == 0);
    CHECK(px.err ==
          "book/1-a.md:3:1: warning: image is too large (4000×3000 pixels; at most 10 megapixels): "
          "big.png\n"
          "  hint: raise the limit in book.toml: [limits] image_megapixels = …\n"
          "  hint: a placeholder stands in for it\n"
          "bookc: 1 warning\n");
    c.write("book/book.toml", "[limits]\nimage_decoded_mb = 64\n");
    auto bytes = c.bookc("check book -q");
    CHECK(bytes.status == 0);
    CHECK(bytes.err ==
          "book/1-a.md:3:1: warning: image is too large (4000×3000 pixels, 92 MB decoded; at most "
          "64 MB): big.png\n"
          "  hint: raise the limit in book.toml: [limits] image_decoded_mb = …\n"
          "  hint: a placeholder stands in for it\n"
          "bookc: 1 warning\n");
    // Within both limits, the header passes and the (garbage) pixel data is what is wrong.
    c.write("book/book.toml", "[limits]\nimage_decoded_mb = 100\n");
    auto data = c.bookc("check book -q");
    CHECK(data.status == 0);
    CHECK(data.err.find("book/1-a.md:3:1: warning: image is damaged (PNG: ") == 0);
    // --strict makes the warning fail the build; bad values are errors in book.toml.
    auto strict = c.bookc("check book -q --strict");
    CHECK(strict.status == 1);
    c.write("book/book.toml", "[limits]\nimage_megapixels = 0\nimage_decoded_mb = 5000\n");
    auto bad = c.bookc("check book -q");
    CHECK(bad.status == 2);
    CHECK(
        bad.err.find(
            "book/book.toml:2:20: error: `limits.image_megapixels` must be between 1 and 1000\n") ==
        0);
    CHECK(
        bad.err.find(
            "book/book.toml:3:20: error: `limits.image_decoded_mb` must be between 1 and 4096\n") !=
        std::string::npos);
}

TEST_CASE("image bombs: a cover image over the limit is named by its path") {
    HostileCase c("hostile-image-cover", "");
    c.write("book/1-a.md", "# 开篇\n\n正文。\n");
    c.write("book/cover.png", png(1000000, 1000000, std::string(2000, '\0')));
    c.write("book/book.toml", "[book]\ntitle = \"书\"\ncover = \"cover.png\"\n");
    auto r = c.bookc("build book -o out -q");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/cover.png: warning: cover image is too large (1000000×1000000 pixels; at most 50 "
          "megapixels)\n"
          "  hint: raise the limit in book.toml: [limits] image_megapixels = …\n"
          "  hint: a generated cover stands in for it\n"
          "bookc: 1 warning\n");
    CHECK(fs::exists(c.dir + "/out/book.pdf"));
    CHECK(run("qpdf --check " + q(c.dir + "/out/book.pdf")).status == 0);
    CHECK(run("unzip -Z1 " + q(c.dir + "/out/book.epub") + " | grep -c cover.png").out == "0\n");
}

TEST_CASE("image bombs: remote images (from the cache) are checked the same way") {
    REQUIRE(have_tool("qpdf"));
    HostileCase c("hostile-image-remote", "");
    const std::string jpeg = real_jpeg();
    // Cut in the middle of the scan, with its end marker put back: the tail looks whole.
    const std::string patched = jpeg.substr(0, jpeg.size() / 2) + "\xFF\xD9";
    // A 10 × 10 GIF whose one frame claims 65,535 × 65,535 pixels.
    std::string gif = std::string("GIF89a\x0A\0\x0A\0\x80\0\0", 13) +
                      std::string("\0\0\0\xFF\xFF\xFF", 6) +
                      std::string(",\0\0\0\0\xFF\xFF\xFF\xFF\0\x02\x02\x44\x01\0;", 17);
    const std::string mirror = c.dir + "/mirror/remote/img.example.com/";
    write_bytes(mirror + "bomb.png", png(1000000, 1000000, std::string(2000, '\0')));
    write_bytes(mirror + "cut.jpg", patched);
    write_bytes(mirror + "frame.gif", gif);
    write_text(
        c.dir + "/book/1-a.md",
        "# 远程\n\n![炸弹](https://img.example.com/bomb.png)\n\n"
        "![断](https://img.example.com/cut.jpg)\n\n![帧](https://img.example.com/frame.gif)\n");
    auto r = c.bookc("build book -o out -q --offline --cache mirror");
    CHECK(r.status == 0);
    CHECK(r.err ==
          "book/1-a.md:3:1: warning: remote image https://img.example.com/bomb.png is too large "
          "(1000000×1000000 pixels; at most 50 megapixels)\n"
          "  hint: raise the limit in book.toml: [limits] image_megapixels = …\n"
          "  hint: a placeholder stands in for it\n"
          "book/1-a.md:5:1: warning: remote image https://img.example.com/cut.jpg is damaged "
          "(JPEG: Corrupt JPEG data: premature end of data segment)\n"
          "  hint: a placeholder stands in for it\n"
          "book/1-a.md:7:1: warning: remote image https://img.example.com/frame.gif cannot be "
          "decoded (GIF frame size 65535×65535 cannot be used)\n"
          "  hint: a placeholder stands in for it\n"
          "bookc: 3 warnings\n");
    CHECK(run("qpdf --check " + q(c.dir + "/out/book.pdf")).status == 0);
    CHECK(run("pdfimages -list " + q(c.dir + "/out/book.pdf") + " | tail -n +3 | wc -l").out ==
          "0\n");
}
