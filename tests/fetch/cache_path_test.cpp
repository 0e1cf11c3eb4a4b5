// The cache layout (remote/<host>/<path>?<query>) and the WebP/GIF → PNG conversions.
#include <doctest/doctest.h>

#include <png.h>
#include <webp/encode.h>

#include <vector>

#include "load/cache_path.hpp"
#include "load/image_convert.hpp"
#include "load/images.hpp"
#include "support/test_support.hpp"

using bookc::load::cache_rel_path;

TEST_CASE("cache path: a column's figure URL keeps host, path and query, wget -x style") {
    CHECK(cache_rel_path("https://static001.geekbang.org/resource/image/e3/9f/"
                         "e3e23d2f2ab55b64741e14856a58389f.png?wh=1098%2A319") ==
          "remote/static001.geekbang.org/resource/image/e3/9f/"
          "e3e23d2f2ab55b64741e14856a58389f.png?wh=1098%2A319");
    CHECK(cache_rel_path("https://static001.geekbang.org/x.png?wh=983x441#frag") ==
          "remote/static001.geekbang.org/x.png?wh=983x441");
    // Host lower-cased; a default port is dropped, another one kept; // means https.
    CHECK(cache_rel_path("HTTPS://Static.Example.COM:443/a.png") ==
          "remote/static.example.com/a.png");
    CHECK(cache_rel_path("http://127.0.0.1:8080/a.png") == "remote/127.0.0.1:8080/a.png");
    CHECK(cache_rel_path("//cdn.example.com/p/q.jpg") == "remote/cdn.example.com/p/q.jpg");
    // A folder URL gets a file name.
    CHECK(cache_rel_path("https://example.com") == "remote/example.com/index.html");
    CHECK(cache_rel_path("https://example.com/dir/") == "remote/example.com/dir/index.html");
    // Not http(s), or no host: no cache file.
    CHECK_FALSE(cache_rel_path("ftp://example.com/a.png"));
    CHECK_FALSE(cache_rel_path("file:///etc/passwd"));
    CHECK_FALSE(cache_rel_path("https://"));
    CHECK_FALSE(cache_rel_path("not a url"));
}

TEST_CASE("cache path: nothing can leave the cache folder or hide a control character") {
    // Dot segments are resolved inside the URL's own path, never above the host folder.
    CHECK(cache_rel_path("https://h.example/a/../../../etc/passwd") ==
          "remote/h.example/etc/passwd");
    CHECK(cache_rel_path("https://h.example/a/./b//c.png") == "remote/h.example/a/b/c.png");
    // Escaped dots stay escaped: a file named "%2E%2E", not a parent folder.
    CHECK(cache_rel_path("https://h.example/%2e%2e/%2E%2E/x.png") ==
          "remote/h.example/%2e%2e/%2E%2E/x.png");
    // Unsafe bytes become %XX: space, quote, backslash, '<', '|', non-ASCII, a stray '%'.
    CHECK(cache_rel_path("https://h.example/a b\"\\<|%zz/图.png") ==
          "remote/h.example/a%20b%22%5C%3C%7C%25zz/%E5%9B%BE.png");
    // '/' and '?' inside the query do not make folders or a second query.
    CHECK(cache_rel_path("https://h.example/p.png?u=/etc/passwd&q=?x") ==
          "remote/h.example/p.png?u=%2Fetc%2Fpasswd&q=%3Fx");
    // Control characters (already percent-encoded or raw tab) never reach the file name.
    auto ctl = cache_rel_path("https://h.example/a%0A.png?x=%00");
    REQUIRE(ctl);
    for (char c : *ctl) CHECK(static_cast<unsigned char>(c) > 0x20);
    CHECK(*ctl == "remote/h.example/a%0A.png?x=%00");
    // A long file name is cut and keeps a hash, so two long names stay distinct.
    std::string longname(300, 'a');
    auto a = cache_rel_path("https://h.example/" + longname + ".png");
    auto b = cache_rel_path("https://h.example/" + longname + ".jpg");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->size() < std::string("remote/h.example/").size() + 200);
    CHECK(*a != *b);
    CHECK(a->find('~') != std::string::npos);
}

TEST_CASE("WebP and the first frame of a GIF become PNG") {
    // 8x6 WebP made with libwebp's encoder.
    std::vector<unsigned char> rgba(8 * 6 * 4);
    for (std::size_t i = 0; i < rgba.size(); i += 4) {
        rgba[i] = 10;
        rgba[i + 1] = 200;
        rgba[i + 2] = 30;
        rgba[i + 3] = 255;
    }
    uint8_t* out = nullptr;
    std::size_t n = WebPEncodeLosslessRGBA(rgba.data(), 8, 6, 8 * 4, &out);
    REQUIRE(n > 0);
    std::string webp(reinterpret_cast<const char*>(out), n);
    WebPFree(out);
    CHECK(bookc::load::sniff_image_type(webp) == "image/webp");
    std::string err;
    auto png = bookc::load::webp_to_png(webp, err, 50000000);
    REQUIRE(png);
    CHECK(bookc::load::sniff_image_type(*png) == "image/png");
    int w = 0, h = 0;
    CHECK(bookc::load::image_size(*png, "image/png", w, h));
    CHECK(w == 8);
    CHECK(h == 6);
    // Same input, same bytes.
    CHECK(bookc::load::webp_to_png(webp, err, 50000000) == png);

    // A 2-frame GIF, 1x1: the first frame is used.
    const unsigned char gif_bytes[] = {
        'G',  'I', 'F', '8',  '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,    0xFF, 0,
        0,    0,   0,   0xFF,                                                // red, blue
        0x2C, 0,   0,   0,    0,   1,   0, 1, 0, 0, 2,    2, 0x44, 0x01, 0,  // frame 1: index 0
        0x2C, 0,   0,   0,    0,   1,   0, 1, 0, 0, 2,    2, 0x4C, 0x01, 0,  // frame 2: index 1
        0x3B};
    std::string gif(reinterpret_cast<const char*>(gif_bytes), sizeof gif_bytes);
    CHECK(bookc::load::sniff_image_type(gif) == "image/gif");
    auto gpng = bookc::load::gif_to_png(gif, err, 50000000);
    REQUIRE_MESSAGE(gpng, err);
    CHECK(bookc::load::image_size(*gpng, "image/png", w, h));
    CHECK(w == 1);
    CHECK(h == 1);
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&img, gpng->data(), gpng->size()));
    img.format = PNG_FORMAT_RGBA;
    unsigned char px[4] = {};
    REQUIRE(png_image_finish_read(&img, nullptr, px, 0, nullptr));
    CHECK(int(px[0]) == 255);  // red: frame 1's colour, not frame 2's blue
    CHECK(int(px[2]) == 0);
    CHECK(int(px[3]) == 255);

    // Not images: a reason, no bytes.
    CHECK_FALSE(bookc::load::webp_to_png("RIFF\x10\0\0\0WEBPVP8 garbage", err, 50000000));
    CHECK_FALSE(err.empty());
    CHECK_FALSE(bookc::load::gif_to_png("GIF89a\x01", err, 50000000));
}

TEST_CASE("SVG is rendered to PNG for the PDF, at twice its size, without external resources") {
    // A local PNG the SVG points at: librsvg must not read it (there is no base file).
    std::string dir = bookc::test::temp_dir("fetch-svg");
    std::string err;
    int w = 0, h = 0;
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "width=\"30\" height=\"20\"><rect width=\"30\" height=\"20\" fill=\"#0000ff\"/>"
        "<image x=\"0\" y=\"0\" width=\"30\" height=\"20\" xlink:href=\"file://" +
        dir + "/red.png\"/></svg>";
    // A red PNG at that path, to show it is not drawn.
    std::vector<unsigned char> red(4 * 4 * 4, 0);
    for (std::size_t i = 0; i < red.size(); i += 4) red[i] = red[i + 3] = 255;
    auto red_png = bookc::load::encode_png_rgba(red.data(), 4, 4);
    REQUIRE(red_png);
    bookc::test::write_text(dir + "/red.png", *red_png);
    auto png = bookc::load::svg_to_png(svg, w, h, err);
    REQUIRE_MESSAGE(png, err);
    CHECK(w == 30);
    CHECK(h == 20);
    int pw = 0, ph = 0;
    CHECK(bookc::load::image_size(*png, "image/png", pw, ph));
    CHECK(pw == 60);
    CHECK(ph == 40);
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&img, png->data(), png->size()));
    img.format = PNG_FORMAT_RGBA;
    std::vector<unsigned char> px(PNG_IMAGE_SIZE(img));
    REQUIRE(png_image_finish_read(&img, nullptr, px.data(), 0, nullptr));
    std::size_t mid = (20 * 60 + 30) * 4;
    CHECK(int(px[mid]) == 0);  // blue, not the red file
    CHECK(int(px[mid + 2]) == 255);
    CHECK(int(px[mid + 3]) == 255);
    // Same input, same bytes.
    CHECK(bookc::load::svg_to_png(svg, w, h, err) == png);
    // No size at all, or not SVG: a reason.
    CHECK_FALSE(bookc::load::svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", w, h, err));
    CHECK(err == "the SVG image has no usable size (width/height or viewBox)");
    CHECK_FALSE(bookc::load::svg_to_png("<html>", w, h, err));
    // A viewBox alone gives the size.
    auto vb = bookc::load::svg_to_png(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 50 25\"><rect width=\"50\" "
        "height=\"25\"/></svg>",
        w, h, err);
    REQUIRE_MESSAGE(vb, err);
    CHECK(w == 50);
    CHECK(h == 25);
}
