// Images in other PNG colour types, undecodable images, glyphs a font lacks, page labels
// with prefixes: checked with pdfimages, pdftotext and qpdf.
#include <doctest/doctest.h>

#include <cstdint>
#include <regex>

#include <zlib.h>

#include "write/pdf/pdf.hpp"
#include "write/pdf/pdf_fixture.hpp"

using namespace bookc;
using bookc::test::run;
using bookc::test::shell_quote;

namespace {

std::string png_of(png_uint_32 format, int w, int h) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = format;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<png_byte>(i * 7);
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
    std::string out(size, '\0');
    png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr);
    out.resize(size);
    return out;
}

// A 4×2 colour-mapped PNG with a 3-entry palette.
std::string palette_png() {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = 4;
    image.height = 2;
    image.format = PNG_FORMAT_RGB_COLORMAP;
    image.colormap_entries = 3;
    const png_byte colormap[9] = {255, 0, 0, 0, 255, 0, 0, 0, 255};
    const png_byte pixels[8] = {0, 1, 2, 0, 2, 1, 0, 1};
    png_alloc_size_t size = 0;
    png_image_write_to_memory(&image, nullptr, &size, 0, pixels, 0, colormap);
    std::string out(size, '\0');
    png_image_write_to_memory(&image, out.data(), &size, 0, pixels, 0, colormap);
    out.resize(size);
    return out;
}

display::Image image_of(std::string data, display::ImageFormat format, const std::string& key,
                        float y) {
    display::Image im;
    im.x = 50;
    im.y = y;
    im.w = 60;
    im.h = 30;
    im.format = format;
    im.data = std::make_shared<const std::string>(std::move(data));
    im.key = key;
    return im;
}

}  // namespace

TEST_CASE("pdf images: gray PNG, opaque RGBA PNG, undecodable data") {
    if (!pdf_test::fonts_available({"pdfimages"})) return;
    display::Document doc;
    display::Page page;
    page.width = 300;
    page.height = 300;
    page.items.push_back(
        image_of(png_of(PNG_FORMAT_GRAY, 8, 4), display::ImageFormat::Png, "gray.png", 10));
    // Fully opaque alpha: no soft mask is written.
    std::string opaque = png_of(PNG_FORMAT_RGB, 6, 6);
    page.items.push_back(image_of(opaque, display::ImageFormat::Png, "rgb.png", 50));
    page.items.push_back(image_of("not a png", display::ImageFormat::Png, "broken.png", 90));
    // 16 bits per sample with alpha: kept at 16 bits, mask included.
    page.items.push_back(image_of(png_of(PNG_FORMAT_LINEAR_RGB_ALPHA, 5, 3),
                                  display::ImageFormat::Png, "deep.png", 170));
    // A palette PNG (colour-mapped): expanded to RGB.
    page.items.push_back(image_of(palette_png(), display::ImageFormat::Png, "palette.png", 210));
    page.items.push_back(
        image_of("\xFF\xD8\xFF\xD9", display::ImageFormat::Jpeg, "broken.jpg", 130));
    doc.pages.push_back(page);
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    CHECK(diags.errors() == 0);
    CHECK(diags.warnings() == 2);  // one per broken image, the PDF is still written
    const std::string path = test::temp_dir("pdf_images") + "/images.pdf";
    test::write_text(path, *bytes);
    auto r = run("pdfimages -list " + shell_quote(path));
    INFO(r.out);
    CHECK(std::regex_search(r.out, std::regex(R"(\s+image\s+8\s+4\s+gray\s+1\s+8\s+image)")));
    CHECK(std::regex_search(r.out, std::regex(R"(\s+image\s+6\s+6\s+rgb\s+3\s+8\s+image)")));
    CHECK(std::regex_search(r.out, std::regex(R"(\s+image\s+5\s+3\s+rgb\s+3\s+16\s+image)")));
    CHECK(std::regex_search(r.out, std::regex(R"(\s+smask\s+5\s+3\s+gray\s+1\s+16\s+image)")));
    CHECK(std::regex_search(r.out, std::regex(R"(\s+image\s+4\s+2\s+rgb\s+3\s+8\s+image)")));
    std::ptrdiff_t masks = 0;
    for (std::size_t at = r.out.find("smask"); at != std::string::npos;
         at = r.out.find("smask", at + 1))
        ++masks;
    CHECK(masks == 1);  // the opaque RGB image has none
    CHECK(run("qpdf --check " + shell_quote(path)).status == 0);
}

TEST_CASE("pdf text: characters a font lacks (.notdef) still extract exactly") {
    if (!pdf_test::fonts_available({"pdftotext"})) return;
    display::Document doc;
    doc.fonts.push_back({pdf_test::kDejaVuSans, 0, "DejaVuSans", 2048});
    display::Page page;
    page.width = 300;
    page.height = 200;
    // DejaVu has no hanzi: every one shapes to glyph 0, which can map to one text only.
    auto run1 = pdf_test::shape(doc, 0, "abc 中文 def", 12, 20, 50);
    CHECK(run1.glyphs[4].gid == 0);
    page.items.push_back(run1);
    doc.pages.push_back(page);
    doc.page_labels.push_back({0, display::LabelStyle::UpperRoman, "A-", 4});
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    const std::string path = test::temp_dir("pdf_notdef") + "/notdef.pdf";
    test::write_text(path, *bytes);
    auto t = run("pdftotext -enc UTF-8 " + shell_quote(path) + " -");
    CHECK(t.out.find("abc 中文 def") != std::string::npos);
    auto j = run("qpdf --json=2 --json-key=pagelabels " + shell_quote(path)).out;
    INFO(j);
    CHECK(std::regex_search(j, std::regex(R"re("/P": "u:A-")re")));
    CHECK(std::regex_search(j, std::regex(R"re("/S": "/R")re")));
    CHECK(std::regex_search(j, std::regex(R"re("/St": 4)re")));
}

TEST_CASE("pdf images: the writer's own guard: a PNG claiming 10^12 pixels, a PNG cut short") {
    if (!pdf_test::fonts_available()) return;
    REQUIRE(test::have_tool("qpdf"));
    // load/ refuses both (image_check.cpp); the writer must stand alone all the same.
    auto chunk = [](const char* type, const std::string& data) {
        std::string body = std::string(type, 4) + data, c;
        auto put32 = [&c](std::uint32_t v) {
            for (int k = 3; k >= 0; --k) c += static_cast<char>((v >> (8 * k)) & 0xFF);
        };
        put32(static_cast<std::uint32_t>(data.size()));
        c += body;
        put32(static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                 static_cast<uInt>(body.size()))));
        return c;
    };
    std::string ihdr("\x00\x0F\x42\x40\x00\x0F\x42\x40\x08\x02\x00\x00\x00",
                     13);  // 10^6 × 10^6 RGB
    const std::string huge = std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) +
                             chunk("IDAT", std::string("\x78\x9C\x03\x00\x00\x00\x00\x01", 8)) +
                             chunk("IEND", "");
    const std::string good = png_of(PNG_FORMAT_RGB, 40, 30);
    display::Document doc;
    display::Page page;
    page.width = 300;
    page.height = 300;
    page.items.push_back(image_of(huge, display::ImageFormat::Png, "images/huge.png", 10));
    page.items.push_back(
        image_of(good.substr(0, good.size() / 2), display::ImageFormat::Png, "images/cut.png", 50));
    page.items.push_back(image_of(good, display::ImageFormat::Png, "images/good.png", 90));
    doc.pages.push_back(page);
    base::DiagSink diags;
    auto bytes = pdf::write_pdf(doc, diags);
    REQUIRE(bytes.has_value());
    base::SourceMap sources;
    CHECK(diags.format(sources) ==
          "images/huge.png: warning: PDF: cannot read PNG (image too large); left out\n"
          "images/cut.png: warning: PDF: cannot read PNG (the file ends before the image does); "
          "left out\n");
    const std::string path = test::temp_dir("pdf_image_guard") + "/guard.pdf";
    test::write_text(path, *bytes);
    CHECK(run("qpdf --check " + shell_quote(path)).status == 0);
    auto r = run("pdfimages -list " + shell_quote(path) + " | tail -n +3 | awk '{print $4, $5}'");
    CHECK(r.out == "40 30\n");
}
